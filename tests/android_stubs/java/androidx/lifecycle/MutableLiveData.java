package androidx.lifecycle;

/** lifecycle-livedata-core (Java). */
public class MutableLiveData<T> extends LiveData<T> {
    public MutableLiveData(T value) {
        super(value);
        throw new RuntimeException("stub");
    }

    public MutableLiveData() {
        super();
        throw new RuntimeException("stub");
    }

    @Override
    public void postValue(T value) {
        throw new RuntimeException("stub");
    }

    @Override
    public void setValue(T value) {
        throw new RuntimeException("stub");
    }
}
