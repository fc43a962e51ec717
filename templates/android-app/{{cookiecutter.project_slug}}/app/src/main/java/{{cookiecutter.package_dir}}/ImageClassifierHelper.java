package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;

import androidx.camera.core.ImageProxy;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Category;
import {{ cookiecutter.package_name }}.ml.ClassificationPostprocessor;
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.RgbaReader;
import {{ cookiecutter.package_name }}.ml.Timing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Owns the model's {@link ModelRunner} and runs one image through preprocessing, the model and
 * post-processing. The pure-Java {@code ml} package does the pixel and score arithmetic (and is
 * what the golden tests check); this class only connects it to Android and the runtime.
 *
 * <p>Not thread-safe, like the runtime itself: {@link MainViewModel} calls it from one background
 * thread.
 */
public final class ImageClassifierHelper implements Closeable {

    /** Top categories, best first, and how long each stage took. */
    public static final class Result {
        public final List<Category> categories;
        public final Timing timing;

        Result(List<Category> categories, Timing timing) {
            this.categories = categories;
            this.timing = timing;
        }
    }

    private final ModelRunner runner;
    private final Acceleration acceleration;
    private final ImagePreprocessor preprocessor;
    private final ClassificationPostprocessor postprocessor;
    private final ByteBuffer inputBuffer;
    private final ByteBuffer[] outputBuffers;
    private final RgbaReader frames = new RgbaReader();

    private ImageClassifierHelper(ModelRunner runner, Acceleration acceleration, ImagePreprocessor preprocessor,
                                  ClassificationPostprocessor postprocessor) {
        this.runner = runner;
        this.acceleration = acceleration;
        this.preprocessor = preprocessor;
        this.postprocessor = postprocessor;
        this.inputBuffer = preprocessor.input().allocateBuffer();
        this.outputBuffers = new ByteBuffer[] {postprocessor.output().allocateBuffer()};
    }

    /**
     * Loads the model on {@code acceleration}'s backend and builds the pre/post-processing from
     * the runtime's own tensor descriptions, so input size, type and quantization always match
     * the model that is actually shipped.
     *
     * @throws IOException when the model or labels cannot be read
     * @throws IllegalArgumentException when the model does not fit this app
     */
    public static ImageClassifierHelper create(Context context, Acceleration acceleration) throws IOException {
        Backends.OnBackend<ModelRunner> built = ModelRunner.open(context, acceleration);
        ModelRunner runner = built.value;
        try {
            if (runner.outputs().size() != 1) {
                throw new IllegalArgumentException(
                        "expected a classifier with 1 output, the model has " + runner.outputs().size());
            }
            List<String> labels = ModelRunner.labels(context);
            ImagePreprocessor preprocessor = ModelConfig.newPreprocessor(runner.input());
            ClassificationPostprocessor postprocessor = ModelConfig.newPostprocessor(runner.outputs().get(0), labels);
            return new ImageClassifierHelper(runner, built.acceleration, preprocessor, postprocessor);
        } catch (IOException | RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    /** What really runs the model: the backend asked for, or the CPU and why. */
    public Acceleration acceleration() {
        return acceleration;
    }

    /**
     * Classifies a camera frame (RGBA_8888): the part the preview shows, its crop rect, turned
     * upright by its rotation. Reads the frame's buffer into a reused array: no Bitmap per frame.
     */
    public Result classify(ImageProxy frame) {
        long start = System.nanoTime();
        ImageProxy.PlaneProxy plane = frame.getPlanes()[0];
        Rect crop = frame.getCropRect();
        int[] pixels = frames.read(plane.getBuffer(), plane.getRowStride(), frame.getHeight());
        int stride = frames.stride();
        preprocessor.process(pixels, crop.top * stride + crop.left, stride, crop.width(), crop.height(),
                ImagePreprocessor.PixelLayout.ABGR, Orientation.ofRotation(frame.getImageInfo().getRotationDegrees()),
                inputBuffer);
        return run(start);
    }

    /** Classifies a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result classify(Bitmap photo, Orientation orientation) {
        long start = System.nanoTime();
        int width = photo.getWidth();
        int height = photo.getHeight();
        int[] pixels = new int[width * height];
        photo.getPixels(pixels, 0, width, 0, 0, width, height);
        preprocessor.process(pixels, 0, width, width, height, ImagePreprocessor.PixelLayout.ARGB, orientation, inputBuffer);
        return run(start);
    }

    /** Runs the model on the preprocessed input; {@code start} is when preprocessing began. */
    private Result run(long start) {
        long preprocessed = System.nanoTime();
        runner.run(inputBuffer, outputBuffers);
        long inferred = System.nanoTime();
        List<Category> categories = postprocessor.process(outputBuffers[0]);
        return new Result(categories, Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()));
    }

    @Override
    public void close() {
        runner.close();
    }
}
