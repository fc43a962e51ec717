package androidx.activity

/**
 * activity (Kotlin): `isEnabled` is a property (Java isEnabled()/setEnabled(boolean)). The
 * handleOnBackStarted/Progressed/Cancelled callbacks (BackEventCompat) are omitted.
 */
public abstract class OnBackPressedCallback(enabled: Boolean) {
    public var isEnabled: Boolean
        get() = throw RuntimeException("stub")
        set(value) {
            throw RuntimeException("stub")
        }

    public fun remove() {
        throw RuntimeException("stub")
    }

    public abstract fun handleOnBackPressed()
}
