package androidx.lifecycle

/** lifecycle-viewmodel: open class with a public constructor; `put`/`get`/`keys` are restricted. */
public open class ViewModelStore {
    public fun clear() {
        throw RuntimeException("stub")
    }
}
