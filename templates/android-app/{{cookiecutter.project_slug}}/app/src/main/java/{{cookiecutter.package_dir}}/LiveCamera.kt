{%- set detect = cookiecutter.task == "detect" -%}
package {{ cookiecutter.package_name }}

import android.util.Log
import android.view.OrientationEventListener
import android.view.Surface
import androidx.appcompat.app.AppCompatActivity
import androidx.camera.core.Camera
import androidx.camera.core.CameraInfoUnavailableException
import androidx.camera.core.CameraSelector
import androidx.camera.core.CameraState
import androidx.camera.core.ImageAnalysis
import androidx.camera.core.ImageProxy
import androidx.camera.core.Preview
import androidx.camera.core.UseCaseGroup
import androidx.camera.lifecycle.ProcessCameraProvider
import androidx.camera.view.PreviewView
import androidx.core.content.ContextCompat
import androidx.core.view.doOnLayout
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleEventObserver
{%- if detect %}
import {{ cookiecutter.package_name }}.ml.Orientation
{%- endif %}
import java.util.concurrent.Executor

/**
 * The live camera of one activity: a preview and an analysis stream bound together.
 *
 * - One field of view by construction: both use cases are bound in a [UseCaseGroup] with the
 *   preview's [androidx.camera.core.ViewPort], so each analysis frame's crop rect is exactly
 *   what the preview shows, and only that part reaches the model.
 * - Upright frames however the phone is held: the analysis target rotation follows the device's
 *   physical orientation (CameraX's orientation-listener pattern), including the 180° turns that
 *   do not recreate the activity and the angles a portrait-locked display never follows.
 * - The back camera, or the front one on devices that have no back camera.
 *
 * [start] and [stop] can be called any number of times; stopped, the camera is released (its
 * privacy indicator goes off) and the orientation sensor is not listened to. Whether frames flow,
 * or why not, is reported to [onStatus] as it changes (errors such as another app holding the
 * camera arrive after binding, from the camera's state).
 */
class LiveCamera(
    private val activity: AppCompatActivity,
    private val previewView: PreviewView,
    /** Frames are delivered on this executor, one at a time; newer frames replace waiting ones. */
    private val analysisExecutor: Executor,
    /**
     * An RGBA_8888 frame: its crop rect is the part the preview shows, its rotation what turns
     * it upright. Closed when this returns.
     */
    private val onFrame: (frame: ImageProxy) -> Unit,
    /** [open]: frames are flowing; [problem]: why the camera cannot run, for the user (null: none). */
    private val onStatus: (open: Boolean, problem: String?) -> Unit,
) {
    private var started = false
    private var provider: ProcessCameraProvider? = null
    private var preview: Preview? = null
    private var analysis: ImageAnalysis? = null
    private var camera: Camera? = null

    /** How the device is held, as a Surface.ROTATION_* value; null until the sensor reports. */
    private var deviceRotation: Int? = null

    private val orientationListener = object : OrientationEventListener(activity) {
        override fun onOrientationChanged(orientation: Int) {
            if (orientation == ORIENTATION_UNKNOWN) return // flat on a table: keep the last one
            val rotation = when (orientation) {
                in 45 until 135 -> Surface.ROTATION_270
                in 135 until 225 -> Surface.ROTATION_180
                in 225 until 315 -> Surface.ROTATION_90
                else -> Surface.ROTATION_0
            }
            deviceRotation = rotation
            analysis?.targetRotation = rotation
        }
    }

    init {
        // The sensor is only listened to while the screen is visible and the camera wanted.
        activity.lifecycle.addObserver(LifecycleEventObserver { _, event ->
            when (event) {
                Lifecycle.Event.ON_START -> if (started) orientationListener.enable()
                Lifecycle.Event.ON_STOP -> orientationListener.disable()
                // This activity's frames end here (a rotation, or leaving): its results go with them.
                Lifecycle.Event.ON_DESTROY -> onStatus(false, null)
                else -> Unit
            }
        })
    }

    fun start() {
        if (started) return
        started = true
        orientationListener.enable()
        val known = provider
        if (known != null) {
            bindOnceLaidOut(known)
            return
        }
        val future = ProcessCameraProvider.getInstance(activity)
        future.addListener({
            try {
                provider = future.get()
            } catch (e: Exception) {
                Log.e(TAG, "Camera provider unavailable", e)
                onStatus(false, e.message ?: e.javaClass.simpleName)
                return@addListener
            }
            provider?.let(::bindOnceLaidOut)
        }, ContextCompat.getMainExecutor(activity))
    }

    fun stop() {
        if (!started) return
        started = false
        orientationListener.disable()
        camera?.cameraInfo?.cameraState?.removeObservers(activity)
        // Only this activity's use cases: unbindAll() would also cut off another activity's.
        provider?.unbind(preview, analysis)
        preview = null
        analysis = null
        camera = null
        onStatus(false, null)
    }

    /** The preview's view port exists once the PreviewView is laid out and attached. */
    private fun bindOnceLaidOut(provider: ProcessCameraProvider) {
        previewView.doOnLayout { bind(provider) }
    }

    private fun bind(provider: ProcessCameraProvider) {
        // stop() may have come first, or the activity may be gone by the time the provider is ready.
        if (!started || camera != null || activity.lifecycle.currentState == Lifecycle.State.DESTROYED) return
        val selector = try {
            listOf(CameraSelector.DEFAULT_BACK_CAMERA, CameraSelector.DEFAULT_FRONT_CAMERA).firstOrNull(provider::hasCamera)
        } catch (e: CameraInfoUnavailableException) {
            Log.e(TAG, "Camera information unavailable", e)
            null
        }
        if (selector == null) {
            onStatus(false, activity.getString(R.string.no_camera))
            return
        }
        val preview = Preview.Builder().build()
        preview.setSurfaceProvider(previewView.surfaceProvider)
        // RGBA_8888 frames become an ARGB_8888 Bitmap without a YUV step; keep-only-latest drops
        // frames while the model is busy instead of queueing them up.
        val analysis = ImageAnalysis.Builder()
            .setBackpressureStrategy(ImageAnalysis.STRATEGY_KEEP_ONLY_LATEST)
            .setOutputImageFormat(ImageAnalysis.OUTPUT_IMAGE_FORMAT_RGBA_8888)
            .setTargetRotation(deviceRotation ?: previewView.display?.rotation ?: Surface.ROTATION_0)
            .build()
        analysis.setAnalyzer(analysisExecutor) { image -> image.use(onFrame) }
        val group = UseCaseGroup.Builder().addUseCase(preview).addUseCase(analysis)
        previewView.viewPort?.let(group::setViewPort)
        val camera = try {
            provider.bindToLifecycle(activity, selector, group.build())
        } catch (e: RuntimeException) { // use cases this camera cannot run together
            Log.e(TAG, "Camera failed to bind", e)
            onStatus(false, e.message ?: e.javaClass.simpleName)
            return
        }
        this.camera = camera
        this.preview = preview
        this.analysis = analysis
        // Opening happens after binding: "in use by another app" and the like arrive here.
        camera.cameraInfo.cameraState.observe(activity) { state ->
            onStatus(state.type == CameraState.Type.OPEN, state.error?.let(::describe))
        }
    }

    private fun describe(error: CameraState.StateError): String = activity.getString(
        when (error.code) {
            CameraState.ERROR_CAMERA_IN_USE, CameraState.ERROR_MAX_CAMERAS_IN_USE -> R.string.camera_in_use
            CameraState.ERROR_CAMERA_DISABLED -> R.string.camera_disabled
            CameraState.ERROR_DO_NOT_DISTURB_MODE_ENABLED -> R.string.camera_do_not_disturb
            else -> R.string.camera_failed
        },
    )
{%- if detect %}

    /**
     * How to turn a box found in a frame that [frameRotationDegrees] made upright so that it lands
     * on the preview. The frame is upright for the way the device is held, the preview for the
     * display, and the two differ whenever the display does not follow the device (auto-rotate
     * off, upside down); a front camera's preview is also mirrored.
     */
    fun displayOrientation(frameRotationDegrees: Int): Orientation {
        val info = camera?.cameraInfo ?: return Orientation.UPRIGHT
        val displayRotation = previewView.display?.rotation ?: Surface.ROTATION_0
        val turn = (info.getSensorRotationDegrees(displayRotation) - frameRotationDegrees + 360) % 360
        if (info.lensFacing == CameraSelector.LENS_FACING_FRONT) {
            // Turning, then mirroring, is mirroring, then turning the other way.
            return Orientation.of((360 - turn) % 360, true)
        }
        return Orientation.ofRotation(turn)
    }
{%- endif %}

    private companion object {
        const val TAG = "LiveCamera"
    }
}
