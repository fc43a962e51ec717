package android.graphics;

import androidx.annotation.NonNull;

/**
 * In AOSP, Canvas extends the hidden BaseCanvas; the public API (android.jar) shows it extending
 * Object, with the draw methods declared on Canvas itself.
 */
public class Canvas {
    public Canvas() {
        throw new RuntimeException("stub");
    }

    public void drawRect(float left, float top, float right, float bottom, @NonNull Paint paint) {
        throw new RuntimeException("stub");
    }

    public void drawText(@NonNull String text, float x, float y, @NonNull Paint paint) {
        throw new RuntimeException("stub");
    }
}
