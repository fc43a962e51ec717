package androidx.activity

import androidx.lifecycle.LifecycleOwner

/** activity (Kotlin): a property, seen from Java as getOnBackPressedDispatcher(). */
public interface OnBackPressedDispatcherOwner : LifecycleOwner {
    public val onBackPressedDispatcher: OnBackPressedDispatcher
}
