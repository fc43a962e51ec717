package androidx.camera.lifecycle

import android.content.Context
import androidx.camera.core.Camera
import androidx.camera.core.CameraInfoUnavailableException
import androidx.camera.core.CameraProvider
import androidx.camera.core.CameraSelector
import androidx.camera.core.UseCase
import androidx.camera.core.UseCaseGroup
import androidx.lifecycle.LifecycleOwner
import com.google.common.util.concurrent.ListenableFuture

/**
 * camera-lifecycle (Kotlin since 1.5). Concurrent-camera and SessionConfig overloads,
 * availableCameraInfos and shutdownAsync are omitted.
 */
public class ProcessCameraProvider private constructor() : CameraProvider {

    public fun bindToLifecycle(
        lifecycleOwner: LifecycleOwner,
        cameraSelector: CameraSelector,
        vararg useCases: UseCase?,
    ): Camera = throw RuntimeException("stub")

    public fun bindToLifecycle(
        lifecycleOwner: LifecycleOwner,
        cameraSelector: CameraSelector,
        useCaseGroup: UseCaseGroup,
    ): Camera = throw RuntimeException("stub")

    @Throws(CameraInfoUnavailableException::class)
    override fun hasCamera(cameraSelector: CameraSelector): Boolean = throw RuntimeException("stub")

    public fun isBound(useCase: UseCase): Boolean = throw RuntimeException("stub")

    public fun unbind(vararg useCases: UseCase?) {
        throw RuntimeException("stub")
    }

    public fun unbindAll() {
        throw RuntimeException("stub")
    }

    public companion object {
        @JvmStatic
        public fun getInstance(context: Context): ListenableFuture<ProcessCameraProvider> =
            throw RuntimeException("stub")
    }
}
