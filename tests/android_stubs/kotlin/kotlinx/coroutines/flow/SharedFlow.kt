package kotlinx.coroutines.flow

/**
 * kotlinx-coroutines-core (common/src/flow/SharedFlow.kt). The real interfaces are
 * `@SubclassOptInRequired(ExperimentalForInheritanceCoroutinesApi::class)` (apps don't implement
 * them); the @ExperimentalCoroutinesApi `resetReplayCache()` and the `MutableSharedFlow(...)`
 * factory are omitted.
 */
public interface SharedFlow<out T> : Flow<T> {
    public val replayCache: List<T>

    override suspend fun collect(collector: FlowCollector<T>): Nothing
}

public interface MutableSharedFlow<T> : SharedFlow<T>, FlowCollector<T> {
    override suspend fun emit(value: T)

    public fun tryEmit(value: T): Boolean

    public val subscriptionCount: StateFlow<Int>
}
