{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import androidx.camera.core.ImageProxy
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Category
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.Timing
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
class ImageClassifierHelper private constructor(
    private val classifier: ImageClassifier,
    /** What really runs the model: the backend asked for, or the CPU and why. */
    val acceleration: Acceleration,
) : Closeable {

    /**
     * Top categories, best first, and how long each stage took: preprocessing is the app's
     * (the frame as a bitmap), the Task Library's own turning, resizing and normalizing counts
     * as inference.
     */
    data class Result(val categories: List<Category>, val timing: Timing)

    /** Classifies the part of a camera frame the preview shows (its crop rect), turned upright by its rotation. */
    fun classify(frame: ImageProxy): Result {
        val start = System.nanoTime()
        val image = TensorImage.fromBitmap(frame.toBitmap())
        val options = ImageProcessingOptions.builder()
            .setOrientation(taskOrientation(Orientation.ofRotation(frame.imageInfo.rotationDegrees)))
            .setRoi(frame.cropRect)
            .build()
        return run(start, image, options)
    }

    /** Classifies a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun classify(photo: Bitmap, orientation: Orientation): Result {
        val start = System.nanoTime()
        val options = ImageProcessingOptions.builder().setOrientation(taskOrientation(orientation)).build()
        return run(start, TensorImage.fromBitmap(photo), options)
    }

    private fun run(start: Long, image: TensorImage, options: ImageProcessingOptions): Result {
        val preprocessed = System.nanoTime()
        val heads = classifier.classify(image, options)
        val inferred = System.nanoTime()
        val categories = heads.firstOrNull()?.categories.orEmpty().map { Category(it.index, it.label, it.score.toDouble()) }
        return Result(categories, Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()))
    }

    override fun close() = classifier.close()

    companion object {
{%- if gpu %}
        /** Any size works: the runtime resizes it to the model's input. */
        private const val WARM_UP_SIDE = 64
{%- endif %}
        /**
         * Loads the model from assets (stored uncompressed) with the options this app was generated
         * with; the Task Library reads normalization and labels from the model's metadata.
         *
         * @throws Exception with a readable message when the model cannot be used.
         */
        fun create(context: Context, acceleration: Acceleration = ModelConfig.DEFAULT_ACCELERATION): ImageClassifierHelper {
{%- if gpu %}
            val built = Backends.build(acceleration, { null }) { useGpu -> classifier(context, acceleration, useGpu) }
            return ImageClassifierHelper(built.value, built.acceleration)
{%- else %}
            return ImageClassifierHelper(classifier(context, acceleration), acceleration)
{%- endif %}
        }

        private fun classifier(context: Context, acceleration: Acceleration{% if gpu %}, useGpu: Boolean{% endif %}): ImageClassifier {
            val base = BaseOptions.builder().setNumThreads(acceleration.threads())
{%- if gpu %}
            if (useGpu) base.useGpu()
{%- endif %}
            val options = ImageClassifier.ImageClassifierOptions.builder()
                .setBaseOptions(base.build())
                .setMaxResults(ModelConfig.MAX_RESULTS)
                .build()
            val classifier = ImageClassifier.createFromFileAndOptions(context, ModelConfig.MODEL_ASSET, options)
{%- if gpu %}
            if (useGpu) {
                // One run on a blank image: a GPU that accepts the model but fails to run it fails
                // now, where the CPU can still take over, and the slow first run stays out of the readout.
                try {
                    classifier.classify(TensorImage.fromBitmap(Bitmap.createBitmap(WARM_UP_SIDE, WARM_UP_SIDE, Bitmap.Config.ARGB_8888)))
                } catch (e: Exception) {
                    classifier.close()
                    throw e
                }
            }
{%- endif %}
            return classifier
        }

        /** The Task Library's orientations are the EXIF ones, in the order of their tags 1 to 8. */
        private fun taskOrientation(orientation: Orientation): ImageProcessingOptions.Orientation =
            ImageProcessingOptions.Orientation.values()[orientation.exifOrientation() - 1]
    }
}
