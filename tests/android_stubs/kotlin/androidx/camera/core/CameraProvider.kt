package androidx.camera.core

/**
 * camera-core: a Kotlin interface (api files show `@kotlin.jvm.Throws` and `property
 * availableCameraInfos`). Java callers must catch CameraInfoUnavailableException from hasCamera.
 * availableCameraInfos, getCameraInfo and the presence listeners are omitted.
 */
public interface CameraProvider {
    @Throws(CameraInfoUnavailableException::class)
    public fun hasCamera(cameraSelector: CameraSelector): Boolean
}
