package android.graphics;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;

/** Real class: final, implements Parcelable (omitted, see README). */
public final class Bitmap {
    private Bitmap() {
        throw new RuntimeException("stub");
    }

    public final int getWidth() {
        throw new RuntimeException("stub");
    }

    public final int getHeight() {
        throw new RuntimeException("stub");
    }

    @Nullable
    public final Config getConfig() {
        throw new RuntimeException("stub");
    }

    public void getPixels(int[] pixels, int offset, int stride, int x, int y, int width, int height) {
        throw new RuntimeException("stub");
    }

    public void recycle() {
        throw new RuntimeException("stub");
    }

    @NonNull
    public static Bitmap createBitmap(@NonNull Bitmap source, int x, int y, int width, int height,
            @Nullable Matrix m, boolean filter) {
        throw new RuntimeException("stub");
    }

    @NonNull
    public static Bitmap createBitmap(int width, int height, @NonNull Config config) {
        throw new RuntimeException("stub");
    }

    @NonNull
    public static Bitmap createBitmap(@NonNull int[] colors, int width, int height, Config config) {
        throw new RuntimeException("stub");
    }

    public enum Config {
        ALPHA_8,
        RGB_565,
        @Deprecated
        ARGB_4444,
        ARGB_8888,
        RGBA_F16,
        HARDWARE,
        RGBA_1010102
    }
}
