package kotlinx.coroutines.flow

/** kotlinx-coroutines-core (common/src/flow/StateFlow.kt). Facade StateFlowKt. */
public interface StateFlow<out T> : SharedFlow<T> {
    public val value: T
}

public interface MutableStateFlow<T> : StateFlow<T>, MutableSharedFlow<T> {
    public override var value: T

    public fun compareAndSet(expect: T, update: T): Boolean
}

@Suppress("FunctionName")
public fun <T> MutableStateFlow(value: T): MutableStateFlow<T> = throw RuntimeException("stub")

public inline fun <T> MutableStateFlow<T>.update(function: (T) -> T) {
    throw RuntimeException("stub")
}
