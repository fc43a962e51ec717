{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.graphics.RectF
import android.os.SystemClock
import android.util.Log
import androidx.camera.core.ImageProxy
import com.google.mediapipe.framework.image.BitmapImageBuilder
import com.google.mediapipe.tasks.core.BaseOptions
import com.google.mediapipe.tasks.core.Delegate
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions
import com.google.mediapipe.tasks.vision.core.RunningMode
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifier
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifierResult
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Category
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.Timing
import java.io.Closeable
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Runs the model with MediaPipe Tasks' [ImageClassifier], which crops, turns, resizes and
 * normalizes the image natively, as the model's metadata describes. Camera frames go to a
 * classifier in LIVE_STREAM mode, one at a time (a frame that arrives while one is in flight is
 * skipped before any copy), and its results reach [onLiveResult] on MediaPipe's thread; photos go
 * to one in IMAGE mode, made on the first photo.
 *
 * Called from one background thread ([MainViewModel]'s worker).
 */
class ImageClassifierHelper private constructor(
    private val context: Context,
    private val delegate: Delegate,
    private val onLiveResult: (Result) -> Unit,
) : Closeable {

    /**
     * Top categories, best first, and how long each stage took: preprocessing is the app's (the
     * frame as a bitmap); inference is MediaPipe's, its own cropping, turning and resizing included.
     */
    data class Result(val categories: List<Category>, val timing: Timing)

    /** What really runs the model: the backend asked for, or the CPU and why. */
    lateinit var acceleration: Acceleration
        private set

    private val inFlight = AtomicBoolean(false)
    private var lastTimestampMs = 0L

    /** When the frame in flight was handed over, and how long preparing it took (System.nanoTime). */
    @Volatile private var submittedNanos = 0L
    @Volatile private var preprocessNanos = 0L

    private val live: ImageClassifier = classifier(RunningMode.LIVE_STREAM)
    private var still: ImageClassifier? = null

    /** Hands a camera frame to the live classifier: the part the preview shows, turned upright. */
    fun classifyLive(frame: ImageProxy) {
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
        val crop = frame.cropRect
        val width = frame.width.toFloat()
        val height = frame.height.toFloat()
        val options = ImageProcessingOptions.builder()
            .setRotationDegrees(frame.imageInfo.rotationDegrees)
            .setRegionOfInterest(RectF(crop.left / width, crop.top / height, crop.right / width, crop.bottom / height))
            .build()
        val bitmap = frame.toBitmap()
        // Live stream timestamps must increase.
        lastTimestampMs = maxOf(SystemClock.uptimeMillis(), lastTimestampMs + 1)
        submittedNanos = System.nanoTime()
        preprocessNanos = submittedNanos - start
        try {
            live.classifyAsync(BitmapImageBuilder(bitmap).build(), options, lastTimestampMs)
        } finally {
            bitmap.recycle() // MediaPipe copied the pixels before classifyAsync returned
        }
    }

    /** Classifies a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun classify(photo: Bitmap, orientation: Orientation): Result {
        val classifier = still ?: classifier(RunningMode.IMAGE).also { still = it }
        val start = System.nanoTime()
        // Turned here, mirror included (MediaPipe only rotates). The image is not closed: closing
        // it would recycle a bitmap the screen may show.
        val image = BitmapImageBuilder(Photo.upright(photo, orientation)).build()
        val preprocessed = System.nanoTime()
        val result = classifier.classify(image)
        val inferred = System.nanoTime()
        return Result(categories(result), Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()))
    }

    override fun close() {
        live.close()
        still?.close()
    }

    private fun onLive(result: ImageClassifierResult) {
        val inferred = System.nanoTime()
        val categories = categories(result)
        val submitted = submittedNanos
        inFlight.set(false)
        onLiveResult(Result(categories, Timing.ofNanos(submitted - preprocessNanos, submitted, inferred, System.nanoTime())))
    }

    private fun classifier(mode: RunningMode): ImageClassifier {
        val options = ImageClassifier.ImageClassifierOptions.builder()
            .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).setDelegate(delegate).build())
            .setRunningMode(mode)
            .setMaxResults(ModelConfig.MAX_RESULTS)
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener { result, _ -> onLive(result) }
            options.setErrorListener { error ->
                inFlight.set(false)
                Log.e(TAG, "Live classification failed", error)
            }
        }
        return ImageClassifier.createFromOptions(context, options.build())
    }

    companion object {
        private const val TAG = "ImageClassifierHelper"

        /**
         * Loads the model from assets on [acceleration]'s backend{% if gpu %} (the CPU where MediaPipe's GPU
         * delegate cannot start){% endif %}; MediaPipe reads normalization and labels from the model's metadata.
         *
         * @throws Exception with a readable message when the model cannot be used.
         */
        fun create(context: Context, acceleration: Acceleration, onLiveResult: (Result) -> Unit): ImageClassifierHelper {
{%- if gpu %}
            val built = Backends.build(acceleration, { null }) { useGpu ->
                ImageClassifierHelper(context, if (useGpu) Delegate.GPU else Delegate.CPU, onLiveResult)
            }
            return built.value.apply { this.acceleration = built.acceleration }
{%- else %}
            return ImageClassifierHelper(context, Delegate.CPU, onLiveResult).apply { this.acceleration = acceleration }
{%- endif %}
        }

        private fun categories(result: ImageClassifierResult): List<Category> =
            result.classificationResult().classifications().firstOrNull()?.categories().orEmpty()
                .map { Category(it.index(), it.categoryName(), it.score().toDouble()) }
    }
}
