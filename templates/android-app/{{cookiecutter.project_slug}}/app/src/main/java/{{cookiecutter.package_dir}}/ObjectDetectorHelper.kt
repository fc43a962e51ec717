package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import androidx.camera.core.ImageProxy
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Box
import {{ cookiecutter.package_name }}.ml.Detection
import {{ cookiecutter.package_name }}.ml.DetectionPostprocessor
import {{ cookiecutter.package_name }}.ml.ImageGeometry
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.RgbaReader
import {{ cookiecutter.package_name }}.ml.Timing
import java.io.Closeable
import java.nio.ByteBuffer

/**
 * Owns the model's [ModelRunner] and runs one image through preprocessing, the detector and
 * post-processing, returning boxes in the upright image's pixels. The pure-Java `ml` package does
 * the pixel, box and NMS arithmetic (and is what the golden tests check); this class only
 * connects it to Android and the runtime.
 *
 * Not thread-safe, like the runtime itself: [MainViewModel] calls it from one background thread.
 */
class ObjectDetectorHelper private constructor(
    private val runner: ModelRunner,
    /** What really runs the model: the backend asked for, or the CPU and why. */
    val acceleration: Acceleration,
    private val preprocessor: ImagePreprocessor,
    private val postprocessor: DetectionPostprocessor,
) : Closeable {

    /**
     * Detections (best first) with their boxes in pixels of the upright image, which is
     * [imageWidth] x [imageHeight]; map them to a view with [ImageGeometry.toView].
     */
    data class Result(
        val detections: List<Detection>,
        val imageBoxes: List<Box>,
        val imageWidth: Int,
        val imageHeight: Int,
        val timing: Timing,
    )
    private val inputBuffer: ByteBuffer = preprocessor.input().allocateBuffer()
    private val outputBuffers: Array<ByteBuffer> = postprocessor.outputs().map { it.allocateBuffer() }.toTypedArray()
    private val options = ModelConfig.detectionOptions()
    private val inputShape = preprocessor.input().shape()
    private val frames = RgbaReader()

    /**
     * Detects objects in a camera frame (RGBA_8888): the part the preview shows, its crop rect,
     * turned upright by its rotation. Reads the frame's buffer into a reused array: no Bitmap
     * per frame.
     */
    fun detect(frame: ImageProxy): Result {
        val start = System.nanoTime()
        val plane = frame.planes[0]
        val crop = frame.cropRect
        val pixels = frames.read(plane.buffer, plane.rowStride, frame.height)
        val stride = frames.stride()
        val orientation = Orientation.ofRotation(frame.imageInfo.rotationDegrees)
        preprocessor.process(
            pixels, crop.top * stride + crop.left, stride, crop.width(), crop.height(),
            ImagePreprocessor.PixelLayout.ABGR, orientation, inputBuffer,
        )
        return run(start, crop.width(), crop.height(), orientation)
    }

    /** Detects objects in a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun detect(photo: Bitmap, orientation: Orientation): Result {
        val start = System.nanoTime()
        val width = photo.width
        val height = photo.height
        val pixels = IntArray(width * height)
        photo.getPixels(pixels, 0, width, 0, 0, width, height)
        preprocessor.process(pixels, 0, width, width, height, ImagePreprocessor.PixelLayout.ARGB, orientation, inputBuffer)
        return run(start, width, height, orientation)
    }

    /**
     * Runs the model on the input buffer, which holds a [width] x [height] image turned by
     * [orientation]; [start] is when preprocessing began.
     */
    private fun run(start: Long, width: Int, height: Int, orientation: Orientation): Result {
        val preprocessed = System.nanoTime()
        runner.run(inputBuffer, outputBuffers)
        val inferred = System.nanoTime()

        val detections = postprocessor.process(outputBuffers, options)
        val uprightWidth = if (orientation.sideways()) height else width
        val uprightHeight = if (orientation.sideways()) width else height
        val geometry = ImageGeometry(uprightWidth, uprightHeight, inputShape[2], inputShape[1], ModelConfig.RESIZE_MODE)
        val imageBoxes = detections.map { geometry.toImage(it.box()) }
        return Result(detections, imageBoxes, uprightWidth, uprightHeight, Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()))
    }

    override fun close() = runner.close()

    companion object {
        /**
         * Loads the model on [acceleration]'s backend and builds the pre/post-processing from the
         * runtime's own tensor descriptions, so input size, types and quantization always match
         * the model that is actually shipped.
         *
         * @throws Exception with a readable message when the model, labels or anchors cannot be used.
         */
        fun create(context: Context, acceleration: Acceleration = ModelConfig.DEFAULT_ACCELERATION): ObjectDetectorHelper {
            val built = ModelRunner.open(context, acceleration)
            val runner = built.value
            try {
                val labels = ModelRunner.labels(context)
                val outputs = runner.outputs
{%- if cookiecutter.detector == "raw" %}
                val anchors = ModelConfig.ANCHORS_ASSET?.let { asset ->
                    context.assets.open(asset).use { DetectionPostprocessor.readAnchors(it) }
                }
                val postprocessor = ModelConfig.newPostprocessor(outputs, labels, anchors)
{%- else %}
                val postprocessor = ModelConfig.newPostprocessor(outputs, labels)
{%- endif %}
                val preprocessor = ModelConfig.newPreprocessor(runner.input)
                return ObjectDetectorHelper(runner, built.acceleration, preprocessor, postprocessor)
            } catch (e: Exception) {
                runner.close()
                throw e
            }
        }
    }
}
