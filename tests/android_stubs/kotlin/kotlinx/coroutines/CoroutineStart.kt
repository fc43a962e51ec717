package kotlinx.coroutines

/** kotlinx-coroutines-core (common/src/CoroutineStart.kt); the @InternalCoroutinesApi members are omitted. */
public enum class CoroutineStart {
    DEFAULT,

    LAZY,

    @DelicateCoroutinesApi
    ATOMIC,

    UNDISPATCHED,
}
