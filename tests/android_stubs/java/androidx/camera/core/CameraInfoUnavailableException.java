package androidx.camera.core;

/** camera-core (Java): a checked exception with no public constructor. */
public final class CameraInfoUnavailableException extends Exception {
    private CameraInfoUnavailableException() {
        throw new RuntimeException("stub");
    }
}
