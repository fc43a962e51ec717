package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.graphics.RectF
import android.os.SystemClock
import android.util.Log
import androidx.camera.core.ImageProxy
import com.google.mediapipe.framework.image.BitmapImageBuilder
import com.google.mediapipe.tasks.core.BaseOptions
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions
import com.google.mediapipe.tasks.vision.core.RunningMode
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifier
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifierResult
import {{ cookiecutter.package_name }}.ml.Category
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import java.io.Closeable

/**
 * Runs the model with MediaPipe Tasks' [ImageClassifier], which crops, turns, resizes and
 * normalizes the image natively, as the model's metadata describes. Camera frames go to a
 * classifier in LIVE_STREAM mode, which drops frames while it is busy and calls [onLiveResult]
 * on its own thread; photos go to one in IMAGE mode, made on the first photo.
 *
 * Called from one background thread ([MainViewModel]'s worker); [onLiveResult] arrives on
 * MediaPipe's.
 */
class ImageClassifierHelper private constructor(
    private val context: Context,
    private val onLiveResult: (Result) -> Unit,
) : Closeable {

    /** Top categories, best first, and how long MediaPipe took (its preprocessing and any queueing included). */
    data class Result(val categories: List<Category>, val inferenceTimeMs: Long)

    private val live: ImageClassifier = classifier(context, RunningMode.LIVE_STREAM)
    private var still: ImageClassifier? = null
    private var lastTimestampMs = 0L

    /** Hands a camera frame to the live classifier: the part the preview shows, turned upright. */
    fun classifyLive(frame: ImageProxy) {
        val crop = frame.cropRect
        val width = frame.width.toFloat()
        val height = frame.height.toFloat()
        val options = ImageProcessingOptions.builder()
            .setRotationDegrees(frame.imageInfo.rotationDegrees)
            .setRegionOfInterest(RectF(crop.left / width, crop.top / height, crop.right / width, crop.bottom / height))
            .build()
        // Live stream timestamps must increase; MediaPipe keeps the image until it is done with it.
        lastTimestampMs = maxOf(SystemClock.uptimeMillis(), lastTimestampMs + 1)
        live.classifyAsync(BitmapImageBuilder(frame.toBitmap()).build(), options, lastTimestampMs)
    }

    /** Classifies a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun classify(photo: Bitmap, orientation: Orientation): Result {
        val classifier = still ?: classifier(context, RunningMode.IMAGE).also { still = it }
        val start = SystemClock.elapsedRealtime()
        // Turned here, mirror included (MediaPipe only rotates). The image is not closed: closing
        // it would recycle a bitmap the screen may show.
        val result = classifier.classify(BitmapImageBuilder(Photo.upright(photo, orientation)).build())
        return Result(categories(result), SystemClock.elapsedRealtime() - start)
    }

    override fun close() {
        live.close()
        still?.close()
    }

    private fun classifier(context: Context, mode: RunningMode): ImageClassifier {
        val options = ImageClassifier.ImageClassifierOptions.builder()
            .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).build())
            .setRunningMode(mode)
            .setMaxResults(ModelConfig.MAX_RESULTS)
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener { result, _ ->
                onLiveResult(Result(categories(result), SystemClock.uptimeMillis() - result.timestampMs()))
            }
            options.setErrorListener { error -> Log.e(TAG, "Live classification failed", error) }
        }
        return ImageClassifier.createFromOptions(context, options.build())
    }

    companion object {
        private const val TAG = "ImageClassifierHelper"

        /**
         * Loads the model from assets with the options this app was generated with; MediaPipe reads
         * normalization and labels from the model's metadata.
         *
         * @throws Exception with a readable message when the model cannot be used.
         */
        fun create(context: Context, onLiveResult: (Result) -> Unit): ImageClassifierHelper =
            ImageClassifierHelper(context, onLiveResult)

        private fun categories(result: ImageClassifierResult): List<Category> =
            result.classificationResult().classifications().firstOrNull()?.categories().orEmpty()
                .map { Category(it.index(), it.categoryName(), it.score().toDouble()) }
    }
}
