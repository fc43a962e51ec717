package androidx.lifecycle

import kotlinx.coroutines.CoroutineScope

/** lifecycle-runtime (Kotlin, facade RepeatOnLifecycleKt). */
public suspend fun Lifecycle.repeatOnLifecycle(
    state: Lifecycle.State,
    block: suspend CoroutineScope.() -> Unit,
): Unit = throw RuntimeException("stub")

public suspend fun LifecycleOwner.repeatOnLifecycle(
    state: Lifecycle.State,
    block: suspend CoroutineScope.() -> Unit,
): Unit = throw RuntimeException("stub")
