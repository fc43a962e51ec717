package androidx.core.graphics;

import androidx.annotation.NonNull;

/** core (Java): final, private constructor, public final int fields. */
public final class Insets {
    @NonNull
    public static final Insets NONE = null;

    public final int left;
    public final int top;
    public final int right;
    public final int bottom;

    private Insets(int left, int top, int right, int bottom) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
        throw new RuntimeException("stub");
    }

    @NonNull
    public static Insets of(int left, int top, int right, int bottom) {
        throw new RuntimeException("stub");
    }
}
