package androidx.camera.core;

/** Real interface: hasCamera(), getAvailableCameraInfos(), ... (omitted: unused here). */
public interface CameraProvider {
}
