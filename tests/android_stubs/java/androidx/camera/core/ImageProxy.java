package androidx.camera.core;

import android.graphics.Bitmap;
import android.graphics.Rect;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import java.nio.ByteBuffer;

public interface ImageProxy extends AutoCloseable {
    @Override
    void close();

    @NonNull
    Rect getCropRect();

    void setCropRect(@Nullable Rect rect);

    int getFormat();

    int getHeight();

    int getWidth();

    @NonNull
    PlaneProxy[] getPlanes();

    @NonNull
    ImageInfo getImageInfo();

    @NonNull
    default Bitmap toBitmap() {
        throw new RuntimeException("stub");
    }

    interface PlaneProxy {
        int getRowStride();

        int getPixelStride();

        @NonNull
        ByteBuffer getBuffer();
    }
}
