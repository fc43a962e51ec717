{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.os.SystemClock
import android.util.Log
import androidx.camera.core.ImageProxy
import com.google.mediapipe.framework.image.BitmapImageBuilder
import com.google.mediapipe.tasks.core.BaseOptions
import com.google.mediapipe.tasks.core.Delegate
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions
import com.google.mediapipe.tasks.vision.core.RunningMode
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetector
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetectorResult
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Box
import {{ cookiecutter.package_name }}.ml.Detection
import {{ cookiecutter.package_name }}.ml.ImageGeometry
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.Timing
import java.io.Closeable
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Runs the model with MediaPipe Tasks' [ObjectDetector], which turns, resizes and normalizes the
 * image natively, as the model's metadata describes, and reads the TFLite_Detection_PostProcess
 * outputs. Camera frames go to a detector in LIVE_STREAM mode, one at a time (a frame that
 * arrives while one is in flight is skipped before any copy), and its results reach
 * [onLiveResult] on MediaPipe's thread; photos go to one in IMAGE mode, made on the first photo.
 * MediaPipe's boxes are in pixels of the image as stored (before the rotation); this class turns
 * them upright with the ml core's [ImageGeometry].
 *
 * Called from one background thread ([MainViewModel]'s worker).
 */
class ObjectDetectorHelper private constructor(
    private val context: Context,
    private val delegate: Delegate,
    private val onLiveResult: (Result, Int) -> Unit,
) : Closeable {

    /**
     * Detections (best first; each box normalized to the upright image) with their boxes in pixels
     * of the upright image, which is [imageWidth] x [imageHeight]; map them to a view with
     * [ImageGeometry.toView]. MediaPipe gives no class index for labelled models: it is -1. In
     * [timing], preprocessing is the app's (the frame as a bitmap); inference is MediaPipe's, its
     * own turning and resizing included.
     */
    data class Result(
        val detections: List<Detection>,
        val imageBoxes: List<Box>,
        val imageWidth: Int,
        val imageHeight: Int,
        val timing: Timing,
    )

    /** The frame in flight: its rotation, the crop rect the preview shows, and when it was handed over. */
    private class Frame(
        val rotationDegrees: Int,
        val left: Int,
        val top: Int,
        val width: Int,
        val height: Int,
        val startNanos: Long,
        val submittedNanos: Long,
    )

    /** What really runs the model: the backend asked for, or the CPU and why. */
    lateinit var acceleration: Acceleration
        private set

{%- if gpu %}
    /**
     * On the GPU, MediaPipe aborts the process when a category allowlist leaves out some classes
     * (mediapipe#5614), so there the app filters the labels and the result count itself.
     */
    private val allowlistInApp = delegate == Delegate.GPU && ModelConfig.LABEL_ALLOWLIST.isNotEmpty()
{%- endif %}

    private val inFlight = AtomicBoolean(false)
    @Volatile private var pending: Frame? = null
    private var lastTimestampMs = 0L
    private val live: ObjectDetector = detector(RunningMode.LIVE_STREAM)
    private var still: ObjectDetector? = null

    /**
     * Hands a camera frame to the live detector, turned upright by its rotation. The detector
     * takes no region of interest: it sees the whole frame, and its boxes are moved into the crop
     * rect the preview shows.
     */
    fun detectLive(frame: ImageProxy) {
        if (!inFlight.compareAndSet(false, true)) return // MediaPipe would drop it anyway, after a copy
        try {
            submit(frame)
        } catch (e: RuntimeException) {
            inFlight.set(false) // no result will come for this frame
            throw e
        }
    }

    private fun submit(frame: ImageProxy) {
        val start = System.nanoTime()
        val rotation = frame.imageInfo.rotationDegrees
        val crop = frame.cropRect
        val options = ImageProcessingOptions.builder().setRotationDegrees(rotation).build()
        val bitmap = frame.toBitmap()
        // Live stream timestamps must increase.
        lastTimestampMs = maxOf(SystemClock.uptimeMillis(), lastTimestampMs + 1)
        pending = Frame(rotation, crop.left, crop.top, crop.width(), crop.height(), start, System.nanoTime())
        try {
            live.detectAsync(BitmapImageBuilder(bitmap).build(), options, lastTimestampMs)
        } finally {
            bitmap.recycle() // MediaPipe copied the pixels before detectAsync returned
        }
    }

    /** Detects objects in a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun detect(photo: Bitmap, orientation: Orientation): Result {
        val detector = still ?: detector(RunningMode.IMAGE).also { still = it }
        val start = System.nanoTime()
        // Turned here, mirror included (MediaPipe only rotates), so the boxes come back upright. The
        // image is not closed: closing it would recycle a bitmap the screen may show.
        val upright = Photo.upright(photo, orientation)
        val image = BitmapImageBuilder(upright).build()
        val submitted = System.nanoTime()
        val result = detector.detect(image)
        return convert(result, Frame(0, 0, 0, upright.width, upright.height, start, submitted), System.nanoTime(){% if gpu %}, allowlistInApp{% endif %})
    }

    override fun close() {
        live.close()
        still?.close()
    }

    private fun onLive(result: ObjectDetectorResult) {
        val inferred = System.nanoTime()
        val frame = pending ?: return
        val converted = convert(result, frame, inferred{% if gpu %}, allowlistInApp{% endif %})
        inFlight.set(false)
        onLiveResult(converted, frame.rotationDegrees)
    }

    private fun detector(mode: RunningMode): ObjectDetector {
        val options = ObjectDetector.ObjectDetectorOptions.builder()
            .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).setDelegate(delegate).build())
            .setRunningMode(mode)
            .setScoreThreshold(ModelConfig.SCORE_THRESHOLD.toFloat())
{%- if gpu %}
        if (!allowlistInApp) {
            options.setMaxResults(ModelConfig.MAX_RESULTS)
            if (ModelConfig.LABEL_ALLOWLIST.isNotEmpty()) options.setCategoryAllowlist(ModelConfig.LABEL_ALLOWLIST)
        }
{%- else %}
        options.setMaxResults(ModelConfig.MAX_RESULTS)
        if (ModelConfig.LABEL_ALLOWLIST.isNotEmpty()) options.setCategoryAllowlist(ModelConfig.LABEL_ALLOWLIST)
{%- endif %}
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener { result, _ -> onLive(result) }
            options.setErrorListener { error ->
                inFlight.set(false)
                Log.e(TAG, "Live detection failed", error)
            }
        }
        return ObjectDetector.createFromOptions(context, options.build())
    }

    companion object {
        private const val TAG = "ObjectDetectorHelper"

        /**
         * Loads the model from assets on [acceleration]'s backend{% if gpu %} (the CPU where MediaPipe's GPU
         * delegate cannot start){% endif %}; MediaPipe reads normalization, labels and output layout from the
         * model's metadata.
         *
         * @throws Exception with a readable message when the model cannot be used.
         */
        fun create(context: Context, acceleration: Acceleration, onLiveResult: (Result, Int) -> Unit): ObjectDetectorHelper {
{%- if gpu %}
            val built = Backends.build(acceleration, { null }) { useGpu ->
                ObjectDetectorHelper(context, if (useGpu) Delegate.GPU else Delegate.CPU, onLiveResult)
            }
            return built.value.apply { this.acceleration = built.acceleration }
{%- else %}
            return ObjectDetectorHelper(context, Delegate.CPU, onLiveResult).apply { this.acceleration = acceleration }
{%- endif %}
        }

        /**
         * MediaPipe's boxes, in pixels of the whole stored frame, into the upright crop of [frame];
         * [inferred] is when they arrived.{% if gpu %} [filter]: keep only allowlisted labels, at most
         * [ModelConfig.MAX_RESULTS] (what MediaPipe does itself on the CPU).{% endif %}
         */
        private fun convert(result: ObjectDetectorResult, frame: Frame, inferred: Long{% if gpu %}, filter: Boolean{% endif %}): Result {
            val orientation = Orientation.ofRotation(frame.rotationDegrees)
            val upright = orientation.uprightSize(frame.width, frame.height)
            val detections = ArrayList<Detection>()
            val boxes = ArrayList<Box>()
            for (detection in result.detections()) {
                val category = detection.categories().firstOrNull() ?: continue
{%- if gpu %}
                if (filter && (category.categoryName() !in ModelConfig.LABEL_ALLOWLIST || detections.size == ModelConfig.MAX_RESULTS)) continue
{%- endif %}
                val rect = detection.boundingBox()
                val stored = Box(rect.left.toDouble(), rect.top.toDouble(), rect.right.toDouble(), rect.bottom.toDouble())
                val box = ImageGeometry.fromFrame(stored, frame.left, frame.top, frame.width, frame.height, orientation)
                boxes += box
                val normalized = Box(box.left() / upright[0], box.top() / upright[1], box.right() / upright[0], box.bottom() / upright[1])
                detections += Detection(category.index(), category.categoryName(), category.score().toDouble(), normalized)
            }
            val timing = Timing.ofNanos(frame.startNanos, frame.submittedNanos, inferred, System.nanoTime())
            return Result(detections, boxes, upright[0], upright[1], timing)
        }
    }
}
