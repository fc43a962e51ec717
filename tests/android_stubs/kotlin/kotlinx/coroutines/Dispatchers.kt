package kotlinx.coroutines

/**
 * kotlinx-coroutines-core (jvm/src/Dispatchers.kt): on the JVM `IO` is a member of the object (the
 * common `Dispatchers.IO` extension is HIDDEN there). `shutdown()` (@DelicateCoroutinesApi) is omitted.
 */
public object Dispatchers {
    @JvmStatic
    public val Default: CoroutineDispatcher
        get() = throw RuntimeException("stub")

    @JvmStatic
    public val Main: MainCoroutineDispatcher
        get() = throw RuntimeException("stub")

    @JvmStatic
    public val Unconfined: CoroutineDispatcher
        get() = throw RuntimeException("stub")

    @JvmStatic
    public val IO: CoroutineDispatcher
        get() = throw RuntimeException("stub")
}
