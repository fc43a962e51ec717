package androidx.lifecycle

import kotlinx.coroutines.CoroutineScope

/**
 * lifecycle-common (Kotlin since 2.6). currentStateFlow, Event's targetState/companion and the
 * `Lifecycle.coroutineScope` / `eventFlow` extensions are omitted (unused here).
 */
public abstract class Lifecycle {
    public abstract fun addObserver(observer: LifecycleObserver)

    public abstract fun removeObserver(observer: LifecycleObserver)

    public abstract val currentState: State

    public enum class Event {
        ON_CREATE,
        ON_START,
        ON_RESUME,
        ON_PAUSE,
        ON_STOP,
        ON_DESTROY,
        ON_ANY,
    }

    public enum class State {
        DESTROYED,
        INITIALIZED,
        CREATED,
        STARTED,
        RESUMED;

        public fun isAtLeast(state: State): Boolean = throw RuntimeException("stub")
    }
}

/**
 * lifecycle-common 2.9+ (moved there from lifecycle-runtime-ktx): no public constructor; the
 * internal `lifecycle` property and the deprecated launchWhen* methods are omitted.
 */
public abstract class LifecycleCoroutineScope internal constructor() : CoroutineScope
