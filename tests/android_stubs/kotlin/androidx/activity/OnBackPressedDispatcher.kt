package androidx.activity

import androidx.lifecycle.LifecycleOwner

/**
 * activity (Kotlin, final). The constructor taking an androidx.core.util.Consumer, the
 * dispatchOnBack* testing hooks and setOnBackInvokedDispatcher are omitted.
 */
public class OnBackPressedDispatcher @JvmOverloads constructor(fallbackOnBackPressed: Runnable? = null) {

    public fun addCallback(onBackPressedCallback: OnBackPressedCallback) {
        throw RuntimeException("stub")
    }

    public fun addCallback(owner: LifecycleOwner, onBackPressedCallback: OnBackPressedCallback) {
        throw RuntimeException("stub")
    }

    public fun hasEnabledCallbacks(): Boolean = throw RuntimeException("stub")

    public fun onBackPressed() {
        throw RuntimeException("stub")
    }
}

/** Facade OnBackPressedDispatcherKt. */
public fun OnBackPressedDispatcher.addCallback(
    owner: LifecycleOwner? = null,
    enabled: Boolean = true,
    onBackPressed: OnBackPressedCallback.() -> Unit,
): OnBackPressedCallback = throw RuntimeException("stub")
