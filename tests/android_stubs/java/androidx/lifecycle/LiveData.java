package androidx.lifecycle;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;

/** lifecycle-livedata-core: still a Java class (Observer is a Kotlin fun interface since 2.6). */
public abstract class LiveData<T> {
    public LiveData(T value) {
        throw new RuntimeException("stub");
    }

    public LiveData() {
        throw new RuntimeException("stub");
    }

    public void observe(@NonNull LifecycleOwner owner, @NonNull Observer<? super T> observer) {
        throw new RuntimeException("stub");
    }

    public void observeForever(@NonNull Observer<? super T> observer) {
        throw new RuntimeException("stub");
    }

    public void removeObserver(@NonNull final Observer<? super T> observer) {
        throw new RuntimeException("stub");
    }

    public void removeObservers(@NonNull final LifecycleOwner owner) {
        throw new RuntimeException("stub");
    }

    protected void postValue(T value) {
        throw new RuntimeException("stub");
    }

    protected void setValue(T value) {
        throw new RuntimeException("stub");
    }

    @Nullable
    public T getValue() {
        throw new RuntimeException("stub");
    }

    public boolean isInitialized() {
        throw new RuntimeException("stub");
    }

    protected void onActive() {
        throw new RuntimeException("stub");
    }

    protected void onInactive() {
        throw new RuntimeException("stub");
    }

    public boolean hasObservers() {
        throw new RuntimeException("stub");
    }

    public boolean hasActiveObservers() {
        throw new RuntimeException("stub");
    }
}
