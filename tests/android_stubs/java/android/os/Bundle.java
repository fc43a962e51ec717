package android.os;

/** Real class: final, extends BaseBundle implements Cloneable, Parcelable (omitted, see README). */
public final class Bundle implements Cloneable {
    public Bundle() {
        throw new RuntimeException("stub");
    }
}
