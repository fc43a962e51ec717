package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Bitmap
import androidx.camera.core.ImageProxy
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Category
import {{ cookiecutter.package_name }}.ml.ClassificationPostprocessor
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import {{ cookiecutter.package_name }}.ml.RgbaReader
import {{ cookiecutter.package_name }}.ml.Timing
import java.io.Closeable
import java.nio.ByteBuffer

/**
 * Owns the model's [ModelRunner] and runs one image through preprocessing, the model and
 * post-processing. The pure-Java `ml` package does the pixel and score arithmetic (and is what
 * the golden tests check); this class only connects it to Android and the runtime.
 *
 * Not thread-safe, like the runtime itself: [MainViewModel] calls it from one background thread.
 */
class ImageClassifierHelper private constructor(
    private val runner: ModelRunner,
    /** What really runs the model: the backend asked for, or the CPU and why. */
    val acceleration: Acceleration,
    private val preprocessor: ImagePreprocessor,
    private val postprocessor: ClassificationPostprocessor,
) : Closeable {

    /** Top categories, best first, and how long each stage took. */
    data class Result(val categories: List<Category>, val timing: Timing)
    private val inputBuffer: ByteBuffer = preprocessor.input().allocateBuffer()
    private val outputBuffers: Array<ByteBuffer> = arrayOf(postprocessor.output().allocateBuffer())
    private val frames = RgbaReader()

    /**
     * Classifies a camera frame (RGBA_8888): the part the preview shows, its crop rect, turned
     * upright by its rotation. Reads the frame's buffer into a reused array: no Bitmap per frame.
     */
    fun classify(frame: ImageProxy): Result {
        val start = System.nanoTime()
        val plane = frame.planes[0]
        val crop = frame.cropRect
        val pixels = frames.read(plane.buffer, plane.rowStride, frame.height)
        val stride = frames.stride()
        preprocessor.process(
            pixels, crop.top * stride + crop.left, stride, crop.width(), crop.height(),
            ImagePreprocessor.PixelLayout.ABGR, Orientation.ofRotation(frame.imageInfo.rotationDegrees), inputBuffer,
        )
        return run(start)
    }

    /** Classifies a photo (ARGB_8888) once [orientation], from its EXIF, has turned it upright. */
    fun classify(photo: Bitmap, orientation: Orientation): Result {
        val start = System.nanoTime()
        val width = photo.width
        val height = photo.height
        val pixels = IntArray(width * height)
        photo.getPixels(pixels, 0, width, 0, 0, width, height)
        preprocessor.process(pixels, 0, width, width, height, ImagePreprocessor.PixelLayout.ARGB, orientation, inputBuffer)
        return run(start)
    }

    /** Runs the model on the preprocessed input; [start] is when preprocessing began. */
    private fun run(start: Long): Result {
        val preprocessed = System.nanoTime()
        runner.run(inputBuffer, outputBuffers)
        val inferred = System.nanoTime()
        val categories = postprocessor.process(outputBuffers[0])
        return Result(categories, Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()))
    }

    override fun close() = runner.close()

    companion object {
        /**
         * Loads the model on [acceleration]'s backend and builds the pre/post-processing from the
         * runtime's own tensor descriptions, so input size, type and quantization always match
         * the model that is actually shipped.
         *
         * @throws Exception with a readable message when the model or labels cannot be used.
         */
        fun create(context: Context, acceleration: Acceleration = ModelConfig.DEFAULT_ACCELERATION): ImageClassifierHelper {
            val built = ModelRunner.open(context, acceleration)
            val runner = built.value
            try {
                require(runner.outputs.size == 1) { "expected a classifier with 1 output, the model has ${runner.outputs.size}" }
                val labels = ModelRunner.labels(context)
                val preprocessor = ModelConfig.newPreprocessor(runner.input)
                val postprocessor = ModelConfig.newPostprocessor(runner.outputs[0], labels)
                return ImageClassifierHelper(runner, built.acceleration, preprocessor, postprocessor)
            } catch (e: Exception) {
                runner.close()
                throw e
            }
        }
    }
}
