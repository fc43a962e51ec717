package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;

import androidx.camera.core.ImageProxy;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Box;
import {{ cookiecutter.package_name }}.ml.Detection;
import {{ cookiecutter.package_name }}.ml.DetectionOptions;
import {{ cookiecutter.package_name }}.ml.DetectionPostprocessor;
import {{ cookiecutter.package_name }}.ml.ImageGeometry;
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.RgbaReader;
import {{ cookiecutter.package_name }}.ml.TensorSpec;
import {{ cookiecutter.package_name }}.ml.Timing;

import java.io.Closeable;
import java.io.IOException;
{%- if cookiecutter.detector == "raw" %}
import java.io.InputStream;
{%- endif %}
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns the model's {@link ModelRunner} and runs one image through preprocessing, the detector and
 * post-processing, returning boxes in the upright image's pixels. The pure-Java {@code ml}
 * package does the pixel, box and NMS arithmetic (and is what the golden tests check); this class
 * only connects it to Android and the runtime.
 *
 * <p>Not thread-safe, like the runtime itself: {@link MainViewModel} calls it from one background
 * thread.
 */
public final class ObjectDetectorHelper implements Closeable {

    /**
     * Detections (best first) with their boxes in pixels of the upright image, which is
     * {@code imageWidth} x {@code imageHeight}; map them to a view with {@link ImageGeometry#toView}.
     */
    public static final class Result {
        public final List<Detection> detections;
        public final List<Box> imageBoxes;
        public final int imageWidth;
        public final int imageHeight;
        public final Timing timing;

        Result(List<Detection> detections, List<Box> imageBoxes, int imageWidth, int imageHeight, Timing timing) {
            this.detections = detections;
            this.imageBoxes = imageBoxes;
            this.imageWidth = imageWidth;
            this.imageHeight = imageHeight;
            this.timing = timing;
        }
    }

    private final ModelRunner runner;
    private final Acceleration acceleration;
    private final ImagePreprocessor preprocessor;
    private final DetectionPostprocessor postprocessor;
    private final DetectionOptions options = ModelConfig.detectionOptions();
    private final ByteBuffer inputBuffer;
    private final ByteBuffer[] outputBuffers;
    private final int[] inputShape;
    private final RgbaReader frames = new RgbaReader();

    private ObjectDetectorHelper(ModelRunner runner, Acceleration acceleration, ImagePreprocessor preprocessor,
                                 DetectionPostprocessor postprocessor) {
        this.runner = runner;
        this.acceleration = acceleration;
        this.preprocessor = preprocessor;
        this.postprocessor = postprocessor;
        this.inputBuffer = preprocessor.input().allocateBuffer();
        this.inputShape = preprocessor.input().shape();
        List<TensorSpec> specs = postprocessor.outputs();
        this.outputBuffers = new ByteBuffer[specs.size()];
        for (int i = 0; i < outputBuffers.length; i++) {
            outputBuffers[i] = specs.get(i).allocateBuffer();
        }
    }

    /**
     * Loads the model on {@code acceleration}'s backend and builds the pre/post-processing from
     * the runtime's own tensor descriptions, so input size, types and quantization always match
     * the model that is actually shipped.
     *
     * @throws IOException when the model, labels or anchors cannot be read
     * @throws IllegalArgumentException when the model does not fit this app
     */
    public static ObjectDetectorHelper create(Context context, Acceleration acceleration) throws IOException {
        Backends.OnBackend<ModelRunner> built = ModelRunner.open(context, acceleration);
        ModelRunner runner = built.value;
        try {
            List<String> labels = ModelRunner.labels(context);
            List<TensorSpec> outputs = runner.outputs();
{%- if cookiecutter.detector == "raw" %}
            float[] anchors = null;
            if (ModelConfig.ANCHORS_ASSET != null) {
                try (InputStream in = context.getAssets().open(ModelConfig.ANCHORS_ASSET)) {
                    anchors = DetectionPostprocessor.readAnchors(in);
                }
            }
            DetectionPostprocessor postprocessor = ModelConfig.newPostprocessor(outputs, labels, anchors);
{%- else %}
            DetectionPostprocessor postprocessor = ModelConfig.newPostprocessor(outputs, labels);
{%- endif %}
            ImagePreprocessor preprocessor = ModelConfig.newPreprocessor(runner.input());
            return new ObjectDetectorHelper(runner, built.acceleration, preprocessor, postprocessor);
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
     * Detects objects in a camera frame (RGBA_8888): the part the preview shows, its crop rect,
     * turned upright by its rotation. Reads the frame's buffer into a reused array: no Bitmap
     * per frame.
     */
    public Result detect(ImageProxy frame) {
        long start = System.nanoTime();
        ImageProxy.PlaneProxy plane = frame.getPlanes()[0];
        Rect crop = frame.getCropRect();
        int[] pixels = frames.read(plane.getBuffer(), plane.getRowStride(), frame.getHeight());
        int stride = frames.stride();
        Orientation orientation = Orientation.ofRotation(frame.getImageInfo().getRotationDegrees());
        preprocessor.process(pixels, crop.top * stride + crop.left, stride, crop.width(), crop.height(),
                ImagePreprocessor.PixelLayout.ABGR, orientation, inputBuffer);
        return run(start, crop.width(), crop.height(), orientation);
    }

    /** Detects objects in a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result detect(Bitmap photo, Orientation orientation) {
        long start = System.nanoTime();
        int width = photo.getWidth();
        int height = photo.getHeight();
        int[] pixels = new int[width * height];
        photo.getPixels(pixels, 0, width, 0, 0, width, height);
        preprocessor.process(pixels, 0, width, width, height, ImagePreprocessor.PixelLayout.ARGB, orientation, inputBuffer);
        return run(start, width, height, orientation);
    }

    /**
     * Runs the model on the input buffer, which holds a {@code width x height} image turned by
     * {@code orientation}; {@code start} is when preprocessing began.
     */
    private Result run(long start, int width, int height, Orientation orientation) {
        long preprocessed = System.nanoTime();
        runner.run(inputBuffer, outputBuffers);
        long inferred = System.nanoTime();

        List<Detection> detections = postprocessor.process(outputBuffers, options);
        int uprightWidth = orientation.sideways() ? height : width;
        int uprightHeight = orientation.sideways() ? width : height;
        ImageGeometry geometry = new ImageGeometry(uprightWidth, uprightHeight, inputShape[2], inputShape[1], ModelConfig.RESIZE_MODE);
        List<Box> imageBoxes = new ArrayList<>();
        for (Detection detection : detections) {
            imageBoxes.add(geometry.toImage(detection.box()));
        }
        Timing timing = Timing.ofNanos(start, preprocessed, inferred, System.nanoTime());
        return new Result(detections, imageBoxes, uprightWidth, uprightHeight, timing);
    }

    @Override
    public void close() {
        runner.close();
    }
}
