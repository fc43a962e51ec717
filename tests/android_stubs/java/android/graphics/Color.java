package android.graphics;

/** Only the constant the app uses. */
public class Color {
    public static final int TRANSPARENT = 0;

    public Color() {
        throw new RuntimeException("stub");
    }
}
