package androidx.lifecycle

/** lifecycle-common (Kotlin): a marker interface. */
public interface LifecycleObserver
