package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.graphics.Rect
import android.os.SystemClock
import {{ cookiecutter.package_name }}.ml.Category
import {{ cookiecutter.package_name }}.ml.ClassificationPostprocessor
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import java.io.Closeable
import java.nio.ByteBuffer
import org.tensorflow.lite.Interpreter

/**
 * Owns the LiteRT [Interpreter] and runs one image through preprocessing, the model and
 * post-processing. The pure-Java `ml` package does the pixel and score arithmetic (and is what
 * the golden tests check); this class only connects it to Android and the interpreter.
 *
 * Not thread-safe, like the Interpreter itself: [MainViewModel] calls it from one background thread.
 */
class ImageClassifierHelper private constructor(
    private val interpreter: Interpreter,
    private val preprocessor: ImagePreprocessor,
    private val postprocessor: ClassificationPostprocessor,
) : Closeable {

    /** Top categories, best first, and how long the interpreter took. */
    data class Result(val categories: List<Category>, val inferenceTimeMs: Long)

    private val inputBuffer: ByteBuffer = preprocessor.input().allocateBuffer()
    private val outputBuffer: ByteBuffer = postprocessor.output().allocateBuffer()
    private var pixels = IntArray(0)

    /**
     * Classifies the [region] of [bitmap] (ARGB_8888) once [orientation] has turned it upright:
     * the camera frame's rotation, or a photo's EXIF orientation.
     */
    fun classify(bitmap: Bitmap, orientation: Orientation, region: Rect = Rect(0, 0, bitmap.width, bitmap.height)): Result {
        val width = region.width()
        val height = region.height()
        if (pixels.size < width * height) pixels = IntArray(width * height)
        bitmap.getPixels(pixels, 0, width, region.left, region.top, width, height)
        preprocessor.process(pixels, width, height, orientation, inputBuffer)

        outputBuffer.rewind()
        val start = SystemClock.elapsedRealtime()
        interpreter.run(inputBuffer, outputBuffer)
        val inferenceTimeMs = SystemClock.elapsedRealtime() - start

        return Result(postprocessor.process(outputBuffer), inferenceTimeMs)
    }

    override fun close() = interpreter.close()

    companion object {
        /**
         * Loads the model memory-mapped from assets and builds the pre/post-processing from the
         * interpreter's own tensor descriptions, so input size, type and quantization always
         * match the model that is actually shipped.
         *
         * @throws Exception with a readable message when the model or labels cannot be used.
         */
        fun create(context: Context, numThreads: Int = ModelConfig.NUM_THREADS): ImageClassifierHelper {
            val interpreter = LiteRt.interpreter(context, numThreads)
            try {
                require(interpreter.inputTensorCount == 1 && interpreter.outputTensorCount == 1) {
                    "expected a classifier with 1 input and 1 output, the model has " +
                        "${interpreter.inputTensorCount} inputs and ${interpreter.outputTensorCount} outputs"
                }
                val labels = LiteRt.labels(context)
                val preprocessor = ModelConfig.newPreprocessor(LiteRt.spec(interpreter.getInputTensor(0)))
                val postprocessor = ModelConfig.newPostprocessor(LiteRt.spec(interpreter.getOutputTensor(0)), labels)
                return ImageClassifierHelper(interpreter, preprocessor, postprocessor)
            } catch (e: Exception) {
                interpreter.close()
                throw e
            }
        }
    }
}
