package android.util;

/** Only passed to TypedValue.applyDimension; fields and methods are omitted. */
public class DisplayMetrics {
    public DisplayMetrics() {
        throw new RuntimeException("stub");
    }
}
