package android.util;

/** Other COMPLEX_UNIT_* / TYPE_* constants, fields and methods are omitted (unused). */
public class TypedValue {
    public static final int COMPLEX_UNIT_DIP = 1;
    public static final int COMPLEX_UNIT_SP = 2;

    public TypedValue() {
        throw new RuntimeException("stub");
    }

    public static float applyDimension(int unit, float value, DisplayMetrics metrics) {
        throw new RuntimeException("stub");
    }
}
