package kotlinx.coroutines

import kotlin.coroutines.CoroutineContext

/** kotlinx-coroutines-core (common/src/CoroutineScope.kt). Facade CoroutineScopeKt. */
public interface CoroutineScope {
    public val coroutineContext: CoroutineContext
}

@Suppress("EXTENSION_SHADOWED_BY_MEMBER")
public val CoroutineScope.isActive: Boolean
    get() = throw RuntimeException("stub")

public fun CoroutineScope.ensureActive(): Unit = throw RuntimeException("stub")
