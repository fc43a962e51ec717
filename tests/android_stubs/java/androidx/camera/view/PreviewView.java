package androidx.camera.view;

import android.content.Context;
import android.graphics.Bitmap;
import android.widget.FrameLayout;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.camera.core.Preview;
import androidx.camera.core.ViewPort;

public final class PreviewView extends FrameLayout {
    public PreviewView(@NonNull Context context) {
        super(context);
        throw new RuntimeException("stub");
    }

    @NonNull
    public Preview.SurfaceProvider getSurfaceProvider() {
        throw new RuntimeException("stub");
    }

    @Nullable
    public Bitmap getBitmap() {
        throw new RuntimeException("stub");
    }

    @Nullable
    public ViewPort getViewPort() {
        throw new RuntimeException("stub");
    }

    @Nullable
    public ViewPort getViewPort(int targetRotation) {
        throw new RuntimeException("stub");
    }
}
