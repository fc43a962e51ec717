package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.os.SystemClock
import androidx.camera.core.ImageProxy
import {{ cookiecutter.package_name }}.ml.Box
import {{ cookiecutter.package_name }}.ml.Detection
import {{ cookiecutter.package_name }}.ml.DetectionPostprocessor
import {{ cookiecutter.package_name }}.ml.ImageGeometry
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.RgbaReader
import java.io.Closeable
import java.nio.ByteBuffer
import org.tensorflow.lite.Interpreter

/**
 * Owns the LiteRT [Interpreter] and runs one image through preprocessing, the detector and
 * post-processing, returning boxes in the upright image's pixels. The pure-Java `ml` package does
 * the pixel, box and NMS arithmetic (and is what the golden tests check); this class only
 * connects it to Android and the interpreter.
 *
 * Not thread-safe, like the Interpreter itself: [MainViewModel] calls it from one background thread.
 */
class ObjectDetectorHelper private constructor(
    private val interpreter: Interpreter,
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
        val inferenceTimeMs: Long,
    )

    private val inputBuffer: ByteBuffer = preprocessor.input().allocateBuffer()
    private val outputBuffers: Array<ByteBuffer> = postprocessor.outputs().map { it.allocateBuffer() }.toTypedArray()
    private val outputs: Map<Int, Any> = outputBuffers.indices.associateWith { outputBuffers[it] }
    private val inputs: Array<Any> = arrayOf(inputBuffer)
    private val options = ModelConfig.detectionOptions()
    private val inputShape = preprocessor.input().shape()
    private val frames = RgbaReader()

    /**
     * Detects objects in a camera frame (RGBA_8888): the part the preview shows, its crop rect,
     * turned upright by its rotation. Reads the frame's buffer into a reused array: no Bitmap
     * per frame.
     */
    fun detect(frame: ImageProxy): Result {
        val plane = frame.planes[0]
        val crop = frame.cropRect
        val pixels = frames.read(plane.buffer, plane.rowStride, frame.height)
        val stride = frames.stride()
        val orientation = Orientation.ofRotation(frame.imageInfo.rotationDegrees)
        preprocessor.process(
            pixels, crop.top * stride + crop.left, stride, crop.width(), crop.height(),
            ImagePreprocessor.PixelLayout.ABGR, orientation, inputBuffer,
        )
        return run(crop.width(), crop.height(), orientation)
    }

    /** Detects objects in a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun detect(photo: Bitmap, orientation: Orientation): Result {
        val width = photo.width
        val height = photo.height
        val pixels = IntArray(width * height)
        photo.getPixels(pixels, 0, width, 0, 0, width, height)
        preprocessor.process(pixels, 0, width, width, height, ImagePreprocessor.PixelLayout.ARGB, orientation, inputBuffer)
        return run(width, height, orientation)
    }

    /** Runs the model on the input buffer, which holds a [width] x [height] image turned by [orientation]. */
    private fun run(width: Int, height: Int, orientation: Orientation): Result {
        outputBuffers.forEach { it.rewind() }
        val start = SystemClock.elapsedRealtime()
        interpreter.runForMultipleInputsOutputs(inputs, outputs)
        val inferenceTimeMs = SystemClock.elapsedRealtime() - start

        val detections = postprocessor.process(outputBuffers, options)
        val uprightWidth = if (orientation.sideways()) height else width
        val uprightHeight = if (orientation.sideways()) width else height
        val geometry = ImageGeometry(uprightWidth, uprightHeight, inputShape[2], inputShape[1], ModelConfig.RESIZE_MODE)
        return Result(detections, detections.map { geometry.toImage(it.box()) }, uprightWidth, uprightHeight, inferenceTimeMs)
    }

    override fun close() = interpreter.close()

    companion object {
        /**
         * Loads the model memory-mapped from assets and builds the pre/post-processing from the
         * interpreter's own tensor descriptions, so input size, types and quantization always
         * match the model that is actually shipped.
         *
         * @throws Exception with a readable message when the model, labels or anchors cannot be used.
         */
        fun create(context: Context, numThreads: Int = ModelConfig.NUM_THREADS): ObjectDetectorHelper {
            val interpreter = LiteRt.interpreter(context, numThreads)
            try {
                require(interpreter.inputTensorCount == 1) {
                    "expected a detector with 1 input, the model has ${interpreter.inputTensorCount}"
                }
                val labels = LiteRt.labels(context)
                val outputs = (0 until interpreter.outputTensorCount).map { LiteRt.spec(interpreter.getOutputTensor(it)) }
{%- if cookiecutter.detector == "raw" %}
                val anchors = ModelConfig.ANCHORS_ASSET?.let { asset ->
                    context.assets.open(asset).use { DetectionPostprocessor.readAnchors(it) }
                }
                val postprocessor = ModelConfig.newPostprocessor(outputs, labels, anchors)
{%- else %}
                val postprocessor = ModelConfig.newPostprocessor(outputs, labels)
{%- endif %}
                val preprocessor = ModelConfig.newPreprocessor(LiteRt.spec(interpreter.getInputTensor(0)))
                return ObjectDetectorHelper(interpreter, preprocessor, postprocessor)
            } catch (e: Exception) {
                interpreter.close()
                throw e
            }
        }
    }
}
