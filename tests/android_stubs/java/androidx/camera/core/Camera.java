package androidx.camera.core;

import androidx.annotation.NonNull;

/** Real interface also has getCameraControl() (omitted: unused here). */
public interface Camera {
    @NonNull
    CameraInfo getCameraInfo();
}
