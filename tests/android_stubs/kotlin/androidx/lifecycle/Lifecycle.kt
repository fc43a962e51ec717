package androidx.lifecycle

/** lifecycle-common (Kotlin since 2.6). Observer registration members are omitted (unused here). */
public abstract class Lifecycle {
    public abstract val currentState: State

    public enum class State {
        DESTROYED,
        INITIALIZED,
        CREATED,
        STARTED,
        RESUMED,
    }
}
