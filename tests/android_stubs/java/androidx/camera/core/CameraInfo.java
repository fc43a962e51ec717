package androidx.camera.core;

/** camera-core (Java interface). Only the rotation and lens-facing queries; the rest is omitted. */
public interface CameraInfo {
    int getSensorRotationDegrees();

    int getSensorRotationDegrees(int relativeRotation);

    default int getLensFacing() {
        throw new RuntimeException("stub");
    }
}
