package androidx.lifecycle

/** lifecycle-viewmodel: a property, seen from Java as getViewModelStore(). */
public interface ViewModelStoreOwner {
    public val viewModelStore: ViewModelStore
}
