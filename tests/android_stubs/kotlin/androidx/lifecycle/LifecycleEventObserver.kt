package androidx.lifecycle

/** lifecycle-common (Kotlin `fun interface`). */
public fun interface LifecycleEventObserver : LifecycleObserver {
    public fun onStateChanged(source: LifecycleOwner, event: Lifecycle.Event)
}
