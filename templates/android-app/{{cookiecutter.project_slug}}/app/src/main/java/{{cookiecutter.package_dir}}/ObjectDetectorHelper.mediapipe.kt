package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.os.SystemClock
import android.util.Log
import androidx.camera.core.ImageProxy
import com.google.mediapipe.framework.image.BitmapImageBuilder
import com.google.mediapipe.tasks.core.BaseOptions
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions
import com.google.mediapipe.tasks.vision.core.RunningMode
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetector
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetectorResult
import {{ cookiecutter.package_name }}.ml.Box
import {{ cookiecutter.package_name }}.ml.Detection
import {{ cookiecutter.package_name }}.ml.ImageGeometry
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import java.io.Closeable

/**
 * Runs the model with MediaPipe Tasks' [ObjectDetector], which turns, resizes and normalizes the
 * image natively, as the model's metadata describes, and reads the TFLite_Detection_PostProcess
 * outputs. Camera frames go to a detector in LIVE_STREAM mode, which drops frames while it is
 * busy and calls [onLiveResult] on its own thread; photos go to one in IMAGE mode, made on the
 * first photo. MediaPipe's boxes are in pixels of the image as stored (before the rotation); this
 * class turns them upright with the ml core's [ImageGeometry].
 *
 * Called from one background thread ([MainViewModel]'s worker); [onLiveResult] arrives on
 * MediaPipe's, with the rotation of the frame the result is for.
 */
class ObjectDetectorHelper private constructor(
    private val context: Context,
    private val onLiveResult: (Result, Int) -> Unit,
) : Closeable {

    /**
     * Detections (best first; each box normalized to the upright image) with their boxes in pixels
     * of the upright image, which is [imageWidth] x [imageHeight]; map them to a view with
     * [ImageGeometry.toView]. MediaPipe gives no class index for labelled models: it is -1.
     */
    data class Result(
        val detections: List<Detection>,
        val imageBoxes: List<Box>,
        val imageWidth: Int,
        val imageHeight: Int,
        val inferenceTimeMs: Long,
    )

    /** Where a live frame's boxes go: its rotation and the crop rect the preview shows. */
    private class Frame(val rotationDegrees: Int, val left: Int, val top: Int, val width: Int, val height: Int)

    /** Frames handed to the live detector, by timestamp, until their result (or a later one) arrives. */
    private val frames = sortedMapOf<Long, Frame>()
    private val live: ObjectDetector = detector(RunningMode.LIVE_STREAM)
    private var still: ObjectDetector? = null
    private var lastTimestampMs = 0L

    /**
     * Hands a camera frame to the live detector, turned upright by its rotation. The detector
     * takes no region of interest: it sees the whole frame, and its boxes are moved into the crop
     * rect the preview shows.
     */
    fun detectLive(frame: ImageProxy) {
        val rotation = frame.imageInfo.rotationDegrees
        val crop = frame.cropRect
        val options = ImageProcessingOptions.builder().setRotationDegrees(rotation).build()
        // Live stream timestamps must increase; MediaPipe keeps the image until it is done with it.
        lastTimestampMs = maxOf(SystemClock.uptimeMillis(), lastTimestampMs + 1)
        synchronized(frames) { frames[lastTimestampMs] = Frame(rotation, crop.left, crop.top, crop.width(), crop.height()) }
        live.detectAsync(BitmapImageBuilder(frame.toBitmap()).build(), options, lastTimestampMs)
    }

    /** Detects objects in a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun detect(photo: Bitmap, orientation: Orientation): Result {
        val detector = still ?: detector(RunningMode.IMAGE).also { still = it }
        // Turned here, mirror included (MediaPipe only rotates), so the boxes come back upright. The
        // image is not closed: closing it would recycle a bitmap the screen may show.
        val upright = Photo.upright(photo, orientation)
        val start = SystemClock.elapsedRealtime()
        val result = detector.detect(BitmapImageBuilder(upright).build())
        return convert(result, Frame(0, 0, 0, upright.width, upright.height), SystemClock.elapsedRealtime() - start)
    }

    override fun close() {
        live.close()
        still?.close()
    }

    private fun onLive(result: ObjectDetectorResult) {
        val frame = synchronized(frames) {
            val found = frames[result.timestampMs()]
            frames.headMap(result.timestampMs() + 1).clear() // this frame, and those MediaPipe dropped
            found
        } ?: return
        onLiveResult(convert(result, frame, SystemClock.uptimeMillis() - result.timestampMs()), frame.rotationDegrees)
    }

    private fun detector(mode: RunningMode): ObjectDetector {
        val options = ObjectDetector.ObjectDetectorOptions.builder()
            .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).build())
            .setRunningMode(mode)
            .setMaxResults(ModelConfig.MAX_RESULTS)
            .setScoreThreshold(ModelConfig.SCORE_THRESHOLD.toFloat())
        if (ModelConfig.LABEL_ALLOWLIST.isNotEmpty()) options.setCategoryAllowlist(ModelConfig.LABEL_ALLOWLIST)
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener { result, _ -> onLive(result) }
            options.setErrorListener { error -> Log.e(TAG, "Live detection failed", error) }
        }
        return ObjectDetector.createFromOptions(context, options.build())
    }

    companion object {
        private const val TAG = "ObjectDetectorHelper"

        /**
         * Loads the model from assets with the options this app was generated with; MediaPipe reads
         * normalization, labels and output layout from the model's metadata.
         *
         * @throws Exception with a readable message when the model cannot be used.
         */
        fun create(context: Context, onLiveResult: (Result, Int) -> Unit): ObjectDetectorHelper =
            ObjectDetectorHelper(context, onLiveResult)

        /** MediaPipe's boxes, in pixels of the whole stored frame, into the upright crop of [frame]. */
        private fun convert(result: ObjectDetectorResult, frame: Frame, inferenceTimeMs: Long): Result {
            val orientation = Orientation.ofRotation(frame.rotationDegrees)
            val upright = orientation.uprightSize(frame.width, frame.height)
            val detections = ArrayList<Detection>()
            val boxes = ArrayList<Box>()
            for (detection in result.detections()) {
                val category = detection.categories().firstOrNull() ?: continue
                val rect = detection.boundingBox()
                val inCrop = Box(
                    (rect.left - frame.left).toDouble(), (rect.top - frame.top).toDouble(),
                    (rect.right - frame.left).toDouble(), (rect.bottom - frame.top).toDouble(),
                )
                val box = ImageGeometry.orient(inCrop, frame.width, frame.height, orientation)
                boxes += box
                val normalized = Box(box.left() / upright[0], box.top() / upright[1], box.right() / upright[0], box.bottom() / upright[1])
                detections += Detection(category.index(), category.categoryName(), category.score().toDouble(), normalized)
            }
            return Result(detections, boxes, upright[0], upright[1], inferenceTimeMs)
        }
    }
}
