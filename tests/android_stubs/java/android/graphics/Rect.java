package android.graphics;

/** Real class: final, implements Parcelable (omitted, see README). */
public final class Rect {
    public int left;
    public int top;
    public int right;
    public int bottom;

    public Rect() {
        throw new RuntimeException("stub");
    }

    public Rect(int left, int top, int right, int bottom) {
        throw new RuntimeException("stub");
    }

    public final int width() {
        throw new RuntimeException("stub");
    }

    public final int height() {
        throw new RuntimeException("stub");
    }
}
