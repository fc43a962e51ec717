package androidx.camera.core;

import androidx.annotation.NonNull;
import androidx.lifecycle.LiveData;

/** camera-core (Java interface). Only the rotation, lens-facing and state queries; the rest is omitted. */
public interface CameraInfo {
    @NonNull
    LiveData<CameraState> getCameraState();

    int getSensorRotationDegrees();

    int getSensorRotationDegrees(int relativeRotation);

    default int getLensFacing() {
        throw new RuntimeException("stub");
    }
}
