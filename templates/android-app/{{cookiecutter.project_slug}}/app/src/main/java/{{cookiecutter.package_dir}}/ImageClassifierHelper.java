package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;
import android.os.SystemClock;

import androidx.camera.core.ImageProxy;

import {{ cookiecutter.package_name }}.ml.Category;
import {{ cookiecutter.package_name }}.ml.ClassificationPostprocessor;
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.RgbaReader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.tensorflow.lite.Interpreter;

/**
 * Owns the LiteRT {@link Interpreter} and runs one image through preprocessing, the model and
 * post-processing. The pure-Java {@code ml} package does the pixel and score arithmetic (and is
 * what the golden tests check); this class only connects it to Android and the interpreter.
 *
 * <p>Not thread-safe, like the Interpreter itself: {@link MainViewModel} calls it from one
 * background thread.
 */
public final class ImageClassifierHelper implements Closeable {

    /** Top categories, best first, and how long the interpreter took. */
    public static final class Result {
        public final List<Category> categories;
        public final long inferenceTimeMs;

        Result(List<Category> categories, long inferenceTimeMs) {
            this.categories = categories;
            this.inferenceTimeMs = inferenceTimeMs;
        }
    }

    private final Interpreter interpreter;
    private final ImagePreprocessor preprocessor;
    private final ClassificationPostprocessor postprocessor;
    private final ByteBuffer inputBuffer;
    private final ByteBuffer outputBuffer;
    private final RgbaReader frames = new RgbaReader();

    private ImageClassifierHelper(Interpreter interpreter, ImagePreprocessor preprocessor,
                                  ClassificationPostprocessor postprocessor) {
        this.interpreter = interpreter;
        this.preprocessor = preprocessor;
        this.postprocessor = postprocessor;
        this.inputBuffer = preprocessor.input().allocateBuffer();
        this.outputBuffer = postprocessor.output().allocateBuffer();
    }

    /**
     * Loads the model memory-mapped from assets and builds the pre/post-processing from the
     * interpreter's own tensor descriptions, so input size, type and quantization always match
     * the model that is actually shipped.
     *
     * @throws IOException when the model or labels cannot be read
     * @throws IllegalArgumentException when the model does not fit this app
     */
    public static ImageClassifierHelper create(Context context, int numThreads) throws IOException {
        Interpreter interpreter = LiteRt.interpreter(context, numThreads);
        try {
            if (interpreter.getInputTensorCount() != 1 || interpreter.getOutputTensorCount() != 1) {
                throw new IllegalArgumentException("expected a classifier with 1 input and 1 output, the model has "
                        + interpreter.getInputTensorCount() + " inputs and "
                        + interpreter.getOutputTensorCount() + " outputs");
            }
            List<String> labels = LiteRt.labels(context);
            ImagePreprocessor preprocessor = ModelConfig.newPreprocessor(LiteRt.spec(interpreter.getInputTensor(0)));
            ClassificationPostprocessor postprocessor =
                    ModelConfig.newPostprocessor(LiteRt.spec(interpreter.getOutputTensor(0)), labels);
            return new ImageClassifierHelper(interpreter, preprocessor, postprocessor);
        } catch (IOException | RuntimeException e) {
            interpreter.close();
            throw e;
        }
    }

    public static ImageClassifierHelper create(Context context) throws IOException {
        return create(context, ModelConfig.NUM_THREADS);
    }

    /**
     * Classifies a camera frame (RGBA_8888): the part the preview shows, its crop rect, turned
     * upright by its rotation. Reads the frame's buffer into a reused array: no Bitmap per frame.
     */
    public Result classify(ImageProxy frame) {
        ImageProxy.PlaneProxy plane = frame.getPlanes()[0];
        Rect crop = frame.getCropRect();
        int[] pixels = frames.read(plane.getBuffer(), plane.getRowStride(), frame.getHeight());
        int stride = frames.stride();
        preprocessor.process(pixels, crop.top * stride + crop.left, stride, crop.width(), crop.height(),
                ImagePreprocessor.PixelLayout.ABGR, Orientation.ofRotation(frame.getImageInfo().getRotationDegrees()),
                inputBuffer);
        return run();
    }

    /** Classifies a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result classify(Bitmap photo, Orientation orientation) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        int[] pixels = new int[width * height];
        photo.getPixels(pixels, 0, width, 0, 0, width, height);
        preprocessor.process(pixels, 0, width, width, height, ImagePreprocessor.PixelLayout.ARGB, orientation, inputBuffer);
        return run();
    }

    private Result run() {
        outputBuffer.rewind();
        long start = SystemClock.elapsedRealtime();
        interpreter.run(inputBuffer, outputBuffer);
        long inferenceTimeMs = SystemClock.elapsedRealtime() - start;

        return new Result(postprocessor.process(outputBuffer), inferenceTimeMs);
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
