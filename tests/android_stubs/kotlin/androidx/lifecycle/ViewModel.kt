package androidx.lifecycle

import kotlinx.coroutines.CoroutineScope

/**
 * lifecycle-viewmodel (Kotlin Multiplatform since 2.8; the JVM/Android `actual` class). The
 * HIDDEN `Closeable` overloads are omitted.
 */
public abstract class ViewModel {
    public constructor() {
        throw RuntimeException("stub")
    }

    public constructor(viewModelScope: CoroutineScope) {
        throw RuntimeException("stub")
    }

    public constructor(vararg closeables: AutoCloseable) {
        throw RuntimeException("stub")
    }

    public constructor(viewModelScope: CoroutineScope, vararg closeables: AutoCloseable) {
        throw RuntimeException("stub")
    }

    protected open fun onCleared() {
        throw RuntimeException("stub")
    }

    public fun addCloseable(key: String, closeable: AutoCloseable) {
        throw RuntimeException("stub")
    }

    public open fun addCloseable(closeable: AutoCloseable) {
        throw RuntimeException("stub")
    }

    public fun <T : AutoCloseable> getCloseable(key: String): T? = throw RuntimeException("stub")
}

/** Facade ViewModelKt (Java `ViewModelKt.getViewModelScope(vm)`). */
public val ViewModel.viewModelScope: CoroutineScope
    get() = throw RuntimeException("stub")
