package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.graphics.Rect
import android.os.SystemClock
import {{ cookiecutter.package_name }}.ml.Box
import {{ cookiecutter.package_name }}.ml.Detection
import {{ cookiecutter.package_name }}.ml.DetectionPostprocessor
import {{ cookiecutter.package_name }}.ml.ImageGeometry
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
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
    private val options = ModelConfig.detectionOptions()
    private var pixels = IntArray(0)

    /**
     * Detects objects in the [region] of [bitmap] (ARGB_8888) once [orientation] has turned it
     * upright: the camera frame's rotation, or a photo's EXIF orientation.
     */
    fun detect(bitmap: Bitmap, orientation: Orientation, region: Rect = Rect(0, 0, bitmap.width, bitmap.height)): Result {
        val width = region.width()
        val height = region.height()
        if (pixels.size < width * height) pixels = IntArray(width * height)
        bitmap.getPixels(pixels, 0, width, region.left, region.top, width, height)
        preprocessor.process(pixels, width, height, orientation, inputBuffer)

        outputBuffers.forEach { it.rewind() }
        val start = SystemClock.elapsedRealtime()
        interpreter.runForMultipleInputsOutputs(arrayOf<Any>(inputBuffer), outputs)
        val inferenceTimeMs = SystemClock.elapsedRealtime() - start

        val detections = postprocessor.process(outputBuffers, options)
        val (uprightWidth, uprightHeight) = orientation.uprightSize(width, height)
        val shape = preprocessor.input().shape()
        val geometry = ImageGeometry(uprightWidth, uprightHeight, shape[2], shape[1], ModelConfig.RESIZE_MODE)
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
