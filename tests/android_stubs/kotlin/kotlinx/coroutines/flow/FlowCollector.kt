package kotlinx.coroutines.flow

/** kotlinx-coroutines-core (common/src/flow/FlowCollector.kt). */
public fun interface FlowCollector<in T> {
    public suspend fun emit(value: T)
}
