{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import androidx.camera.core.ImageProxy
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Box
import {{ cookiecutter.package_name }}.ml.Detection
import {{ cookiecutter.package_name }}.ml.ImageGeometry
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.Timing
import java.io.Closeable
import org.tensorflow.lite.support.image.TensorImage
import org.tensorflow.lite.task.core.BaseOptions
import org.tensorflow.lite.task.core.vision.ImageProcessingOptions
import org.tensorflow.lite.task.vision.detector.ObjectDetector

/**
 * Runs the model with the TFLite Task Library's [ObjectDetector]: it turns, resizes and
 * normalizes the image natively, as the model's metadata describes, and reads the
 * TFLite_Detection_PostProcess outputs. Its boxes are in pixels of the image as stored (before
 * the orientation); this class turns them upright with the ml core's [ImageGeometry].
 *
 * Not thread-safe: [MainViewModel] calls it from one background thread.
 */
class ObjectDetectorHelper private constructor(
    private val detector: ObjectDetector,
    /** What really runs the model: the backend asked for, or the CPU and why. */
    val acceleration: Acceleration,
) : Closeable {

    /**
     * Detections (best first; each box normalized to the upright image) with their boxes in pixels
     * of the upright image, which is [imageWidth] x [imageHeight]; map them to a view with
     * [ImageGeometry.toView]. In [timing], preprocessing is the app's (the frame as a bitmap);
     * the Task Library's own turning, resizing and normalizing counts as inference.
     */
    data class Result(
        val detections: List<Detection>,
        val imageBoxes: List<Box>,
        val imageWidth: Int,
        val imageHeight: Int,
        val timing: Timing,
    )

    /**
     * Detects objects in a camera frame, turned upright by its rotation. The detector takes no
     * region of interest: it sees the whole frame, and its boxes are moved into the crop rect the
     * preview shows.
     */
    fun detect(frame: ImageProxy): Result {
        val start = System.nanoTime()
        val orientation = Orientation.ofRotation(frame.imageInfo.rotationDegrees)
        val crop = frame.cropRect
        return run(start, frame.toBitmap(), orientation, crop.left, crop.top, crop.width(), crop.height())
    }

    /** Detects objects in a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun detect(photo: Bitmap, orientation: Orientation): Result =
        run(System.nanoTime(), photo, orientation, 0, 0, photo.width, photo.height)

    /**
     * Runs the detector on [image] turned by [orientation]; boxes end up in its [left], [top],
     * [width] x [height] part. [start] is when preprocessing began.
     */
    private fun run(start: Long, image: Bitmap, orientation: Orientation, left: Int, top: Int, width: Int, height: Int): Result {
        val options = ImageProcessingOptions.builder()
            .setOrientation(ImageProcessingOptions.Orientation.values()[orientation.exifOrientation() - 1])
            .build()
        val tensorImage = TensorImage.fromBitmap(image)
        val preprocessed = System.nanoTime()
        val found = detector.detect(tensorImage, options)
        val inferred = System.nanoTime()

        val upright = orientation.uprightSize(width, height)
        val detections = ArrayList<Detection>()
        val boxes = ArrayList<Box>()
        for (detection in found) {
            val category = detection.categories.firstOrNull() ?: continue
            val rect = detection.boundingBox
            val stored = Box(rect.left.toDouble(), rect.top.toDouble(), rect.right.toDouble(), rect.bottom.toDouble())
            val box = ImageGeometry.fromFrame(stored, left, top, width, height, orientation)
            boxes += box
            val normalized = Box(box.left() / upright[0], box.top() / upright[1], box.right() / upright[0], box.bottom() / upright[1])
            detections += Detection(category.index, category.label, category.score.toDouble(), normalized)
        }
        return Result(detections, boxes, upright[0], upright[1], Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()))
    }

    override fun close() = detector.close()

    companion object {
{%- if gpu %}
        /** Any size works: the runtime resizes it to the model's input. */
        private const val WARM_UP_SIDE = 64
{%- endif %}
        /**
         * Loads the model from assets (stored uncompressed) with the options this app was generated
         * with; the Task Library reads normalization, labels and output layout from the metadata.
         *
         * @throws Exception with a readable message when the model cannot be used.
         */
        fun create(context: Context, acceleration: Acceleration = ModelConfig.DEFAULT_ACCELERATION): ObjectDetectorHelper {
{%- if gpu %}
            val built = Backends.build(acceleration, { null }) { useGpu -> detector(context, acceleration, useGpu) }
            return ObjectDetectorHelper(built.value, built.acceleration)
{%- else %}
            return ObjectDetectorHelper(detector(context, acceleration), acceleration)
{%- endif %}
        }

        private fun detector(context: Context, acceleration: Acceleration{% if gpu %}, useGpu: Boolean{% endif %}): ObjectDetector {
            val base = BaseOptions.builder().setNumThreads(acceleration.threads())
{%- if gpu %}
            if (useGpu) base.useGpu()
{%- endif %}
            val options = ObjectDetector.ObjectDetectorOptions.builder()
                .setBaseOptions(base.build())
                .setMaxResults(ModelConfig.MAX_RESULTS)
                // The Task Library keeps scores strictly above its threshold.
                .setScoreThreshold(ModelConfig.SCORE_THRESHOLD.toFloat())
                .apply { if (ModelConfig.LABEL_ALLOWLIST.isNotEmpty()) setLabelAllowList(ModelConfig.LABEL_ALLOWLIST) }
                .build()
            val detector = ObjectDetector.createFromFileAndOptions(context, ModelConfig.MODEL_ASSET, options)
{%- if gpu %}
            if (useGpu) {
                // One run on a blank image: a GPU that accepts the model but fails to run it fails
                // now, where the CPU can still take over, and the slow first run stays out of the readout.
                try {
                    detector.detect(TensorImage.fromBitmap(Bitmap.createBitmap(WARM_UP_SIDE, WARM_UP_SIDE, Bitmap.Config.ARGB_8888)))
                } catch (e: Exception) {
                    detector.close()
                    throw e
                }
            }
{%- endif %}
            return detector
        }
    }
}
