package androidx.exifinterface.media;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;

public class ExifInterface {
    public static final String TAG_ORIENTATION = "Orientation";
    public static final int ORIENTATION_UNDEFINED = 0;
    public static final int ORIENTATION_NORMAL = 1;
    public static final int ORIENTATION_FLIP_HORIZONTAL = 2;
    public static final int ORIENTATION_ROTATE_180 = 3;
    public static final int ORIENTATION_FLIP_VERTICAL = 4;
    public static final int ORIENTATION_TRANSPOSE = 5;
    public static final int ORIENTATION_ROTATE_90 = 6;
    public static final int ORIENTATION_TRANSVERSE = 7;
    public static final int ORIENTATION_ROTATE_270 = 8;

    public ExifInterface(@NonNull InputStream inputStream) throws IOException {
        throw new RuntimeException("stub");
    }

    public int getAttributeInt(@NonNull String tag, int defaultValue) {
        throw new RuntimeException("stub");
    }

    @Nullable
    public String getAttribute(@NonNull String tag) {
        throw new RuntimeException("stub");
    }

    public boolean isFlipped() {
        throw new RuntimeException("stub");
    }

    public int getRotationDegrees() {
        throw new RuntimeException("stub");
    }
}
