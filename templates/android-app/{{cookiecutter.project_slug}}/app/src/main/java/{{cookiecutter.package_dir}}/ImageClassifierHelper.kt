package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import android.os.SystemClock
import androidx.camera.core.ImageProxy
import {{ cookiecutter.package_name }}.ml.Category
import {{ cookiecutter.package_name }}.ml.ClassificationPostprocessor
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.RgbaReader
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
    private val frames = RgbaReader()

    /**
     * Classifies a camera frame (RGBA_8888): the part the preview shows, its crop rect, turned
     * upright by its rotation. Reads the frame's buffer into a reused array: no Bitmap per frame.
     */
    fun classify(frame: ImageProxy): Result {
        val plane = frame.planes[0]
        val crop = frame.cropRect
        val pixels = frames.read(plane.buffer, plane.rowStride, frame.height)
        val stride = frames.stride()
        preprocessor.process(
            pixels, crop.top * stride + crop.left, stride, crop.width(), crop.height(),
            ImagePreprocessor.PixelLayout.ABGR, Orientation.ofRotation(frame.imageInfo.rotationDegrees), inputBuffer,
        )
        return run()
    }

    /** Classifies a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun classify(photo: Bitmap, orientation: Orientation): Result {
        val width = photo.width
        val height = photo.height
        val pixels = IntArray(width * height)
        photo.getPixels(pixels, 0, width, 0, 0, width, height)
        preprocessor.process(pixels, 0, width, width, height, ImagePreprocessor.PixelLayout.ARGB, orientation, inputBuffer)
        return run()
    }

    private fun run(): Result {
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
