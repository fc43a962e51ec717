package android.graphics;

import androidx.annotation.Nullable;
import java.io.InputStream;

public class BitmapFactory {
    public BitmapFactory() {
        throw new RuntimeException("stub");
    }

    @Nullable
    public static Bitmap decodeStream(@Nullable InputStream is, @Nullable Rect outPadding, @Nullable Options opts) {
        throw new RuntimeException("stub");
    }

    public static Bitmap decodeStream(InputStream is) {
        throw new RuntimeException("stub");
    }

    public static class Options {
        public boolean inJustDecodeBounds;
        public int inSampleSize;
        public Bitmap.Config inPreferredConfig;
        public boolean inMutable;
        public int outWidth;
        public int outHeight;
        public String outMimeType;

        public Options() {
            throw new RuntimeException("stub");
        }
    }
}
