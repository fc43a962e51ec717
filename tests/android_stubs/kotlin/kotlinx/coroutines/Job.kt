@file:JvmMultifileClass
@file:JvmName("JobKt")

package kotlinx.coroutines

import kotlin.coroutines.CoroutineContext

/**
 * kotlinx-coroutines-core (common/src/Job.kt). The real interface is
 * `@SubclassOptInRequired(InternalForInheritanceCoroutinesApi::class)` (apps never implement it);
 * children, parent, onJoin, invokeOnCompletion and the HIDDEN overloads are omitted.
 */
public interface Job : CoroutineContext.Element {
    public companion object Key : CoroutineContext.Key<Job>

    public val isActive: Boolean

    public val isCompleted: Boolean

    public val isCancelled: Boolean

    public fun start(): Boolean

    public fun cancel(cause: CancellationException? = null)

    public suspend fun join()
}

public val CoroutineContext.isActive: Boolean
    get() = throw RuntimeException("stub")

public fun Job.ensureActive(): Unit = throw RuntimeException("stub")

public fun CoroutineContext.ensureActive(): Unit = throw RuntimeException("stub")
