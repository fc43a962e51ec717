package androidx.lifecycle

/** lifecycle-livedata-core: a Kotlin `fun interface` since 2.6 (LiveData itself is still Java). */
public fun interface Observer<T> {
    public fun onChanged(value: T)
}
