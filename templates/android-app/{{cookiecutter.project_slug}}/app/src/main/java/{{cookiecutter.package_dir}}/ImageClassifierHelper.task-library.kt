package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.os.SystemClock
import androidx.camera.core.ImageProxy
import {{ cookiecutter.package_name }}.ml.Category
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import java.io.Closeable
import org.tensorflow.lite.support.image.TensorImage
import org.tensorflow.lite.task.core.BaseOptions
import org.tensorflow.lite.task.core.vision.ImageProcessingOptions
import org.tensorflow.lite.task.vision.classifier.ImageClassifier

/**
 * Runs the model with the TFLite Task Library's [ImageClassifier]: it crops, turns, resizes and
 * normalizes the image natively, as the model's metadata describes, and ranks the labels.
 *
 * Not thread-safe: [MainViewModel] calls it from one background thread.
 */
class ImageClassifierHelper private constructor(private val classifier: ImageClassifier) : Closeable {

    /** Top categories, best first, and how long the Task Library took (its preprocessing included). */
    data class Result(val categories: List<Category>, val inferenceTimeMs: Long)

    /** Classifies the part of a camera frame the preview shows (its crop rect), turned upright by its rotation. */
    fun classify(frame: ImageProxy): Result {
        val options = ImageProcessingOptions.builder()
            .setOrientation(taskOrientation(Orientation.ofRotation(frame.imageInfo.rotationDegrees)))
            .setRoi(frame.cropRect)
            .build()
        return run(TensorImage.fromBitmap(frame.toBitmap()), options)
    }

    /** Classifies a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun classify(photo: Bitmap, orientation: Orientation): Result {
        val options = ImageProcessingOptions.builder().setOrientation(taskOrientation(orientation)).build()
        return run(TensorImage.fromBitmap(photo), options)
    }

    private fun run(image: TensorImage, options: ImageProcessingOptions): Result {
        val start = SystemClock.elapsedRealtime()
        val heads = classifier.classify(image, options)
        val inferenceTimeMs = SystemClock.elapsedRealtime() - start
        val categories = heads.firstOrNull()?.categories.orEmpty().map { Category(it.index, it.label, it.score.toDouble()) }
        return Result(categories, inferenceTimeMs)
    }

    override fun close() = classifier.close()

    companion object {
        /**
         * Loads the model from assets (stored uncompressed) with the options this app was generated
         * with; the Task Library reads normalization and labels from the model's metadata.
         *
         * @throws Exception with a readable message when the model cannot be used.
         */
        fun create(context: Context, numThreads: Int = ModelConfig.NUM_THREADS): ImageClassifierHelper {
            val options = ImageClassifier.ImageClassifierOptions.builder()
                .setBaseOptions(BaseOptions.builder().setNumThreads(numThreads).build())
                .setMaxResults(ModelConfig.MAX_RESULTS)
                .build()
            return ImageClassifierHelper(ImageClassifier.createFromFileAndOptions(context, ModelConfig.MODEL_ASSET, options))
        }

        /** The Task Library's orientations are the EXIF ones, in the order of their tags 1 to 8. */
        private fun taskOrientation(orientation: Orientation): ImageProcessingOptions.Orientation =
            ImageProcessingOptions.Orientation.values()[orientation.exifOrientation() - 1]
    }
}
