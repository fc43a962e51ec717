package kotlinx.coroutines.flow

/** kotlinx-coroutines-core (common/src/flow/Flow.kt). `flow.collect { }` is a SAM call of this member. */
public interface Flow<out T> {
    public suspend fun collect(collector: FlowCollector<T>)
}
