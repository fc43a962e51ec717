package kotlinx.coroutines

import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.Continuation
import kotlin.coroutines.ContinuationInterceptor
import kotlin.coroutines.CoroutineContext

/**
 * kotlinx-coroutines-core (common/src/CoroutineDispatcher.kt). The experimental companion `Key`,
 * limitedParallelism, dispatchYield and the ERROR-deprecated `plus(CoroutineDispatcher)` are omitted.
 */
public abstract class CoroutineDispatcher :
    AbstractCoroutineContextElement(ContinuationInterceptor), ContinuationInterceptor {

    public open fun isDispatchNeeded(context: CoroutineContext): Boolean = throw RuntimeException("stub")

    public abstract fun dispatch(context: CoroutineContext, block: Runnable)

    public final override fun <T> interceptContinuation(continuation: Continuation<T>): Continuation<T> =
        throw RuntimeException("stub")

    public final override fun releaseInterceptedContinuation(continuation: Continuation<*>) {
        throw RuntimeException("stub")
    }
}
