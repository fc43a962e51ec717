package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;
import android.os.SystemClock;

import {{ cookiecutter.package_name }}.ml.Box;
import {{ cookiecutter.package_name }}.ml.Detection;
import {{ cookiecutter.package_name }}.ml.DetectionOptions;
import {{ cookiecutter.package_name }}.ml.DetectionPostprocessor;
import {{ cookiecutter.package_name }}.ml.ImageGeometry;
import {{ cookiecutter.package_name }}.ml.ImagePreprocessor;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.TensorSpec;

import java.io.Closeable;
import java.io.IOException;
{%- if cookiecutter.detector == "raw" %}
import java.io.InputStream;
{%- endif %}
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.lite.Interpreter;

/**
 * Owns the LiteRT {@link Interpreter} and runs one image through preprocessing, the detector and
 * post-processing, returning boxes in the upright image's pixels. The pure-Java {@code ml}
 * package does the pixel, box and NMS arithmetic (and is what the golden tests check); this class
 * only connects it to Android and the interpreter.
 *
 * <p>Not thread-safe, like the Interpreter itself: {@link MainViewModel} calls it from one
 * background thread.
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
        public final long inferenceTimeMs;

        Result(List<Detection> detections, List<Box> imageBoxes, int imageWidth, int imageHeight, long inferenceTimeMs) {
            this.detections = detections;
            this.imageBoxes = imageBoxes;
            this.imageWidth = imageWidth;
            this.imageHeight = imageHeight;
            this.inferenceTimeMs = inferenceTimeMs;
        }
    }

    private final Interpreter interpreter;
    private final ImagePreprocessor preprocessor;
    private final DetectionPostprocessor postprocessor;
    private final DetectionOptions options = ModelConfig.detectionOptions();
    private final ByteBuffer inputBuffer;
    private final ByteBuffer[] outputBuffers;
    private final Map<Integer, Object> outputs = new HashMap<>();
    private int[] pixels = new int[0];

    private ObjectDetectorHelper(Interpreter interpreter, ImagePreprocessor preprocessor,
                                 DetectionPostprocessor postprocessor) {
        this.interpreter = interpreter;
        this.preprocessor = preprocessor;
        this.postprocessor = postprocessor;
        this.inputBuffer = preprocessor.input().allocateBuffer();
        List<TensorSpec> specs = postprocessor.outputs();
        this.outputBuffers = new ByteBuffer[specs.size()];
        for (int i = 0; i < outputBuffers.length; i++) {
            outputBuffers[i] = specs.get(i).allocateBuffer();
            outputs.put(i, outputBuffers[i]);
        }
    }

    /**
     * Loads the model memory-mapped from assets and builds the pre/post-processing from the
     * interpreter's own tensor descriptions, so input size, types and quantization always match
     * the model that is actually shipped.
     *
     * @throws IOException when the model, labels or anchors cannot be read
     * @throws IllegalArgumentException when the model does not fit this app
     */
    public static ObjectDetectorHelper create(Context context, int numThreads) throws IOException {
        Interpreter interpreter = LiteRt.interpreter(context, numThreads);
        try {
            if (interpreter.getInputTensorCount() != 1) {
                throw new IllegalArgumentException("expected a detector with 1 input, the model has "
                        + interpreter.getInputTensorCount());
            }
            List<String> labels = LiteRt.labels(context);
            List<TensorSpec> outputs = new ArrayList<>();
            for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
                outputs.add(LiteRt.spec(interpreter.getOutputTensor(i)));
            }
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
            ImagePreprocessor preprocessor = ModelConfig.newPreprocessor(LiteRt.spec(interpreter.getInputTensor(0)));
            return new ObjectDetectorHelper(interpreter, preprocessor, postprocessor);
        } catch (IOException | RuntimeException e) {
            interpreter.close();
            throw e;
        }
    }

    public static ObjectDetectorHelper create(Context context) throws IOException {
        return create(context, ModelConfig.NUM_THREADS);
    }

    /** The whole {@code bitmap}: see {@link #detect(Bitmap, Orientation, Rect)}. */
    public Result detect(Bitmap bitmap, Orientation orientation) {
        return detect(bitmap, orientation, new Rect(0, 0, bitmap.getWidth(), bitmap.getHeight()));
    }

    /**
     * Detects objects in the {@code region} of {@code bitmap} (ARGB_8888) once {@code orientation}
     * has turned it upright: the camera frame's rotation, or a photo's EXIF orientation.
     */
    public Result detect(Bitmap bitmap, Orientation orientation, Rect region) {
        int width = region.width();
        int height = region.height();
        if (pixels.length < width * height) {
            pixels = new int[width * height];
        }
        bitmap.getPixels(pixels, 0, width, region.left, region.top, width, height);
        preprocessor.process(pixels, width, height, orientation, inputBuffer);

        for (ByteBuffer buffer : outputBuffers) {
            buffer.rewind();
        }
        long start = SystemClock.elapsedRealtime();
        interpreter.runForMultipleInputsOutputs(new Object[] {inputBuffer}, outputs);
        long inferenceTimeMs = SystemClock.elapsedRealtime() - start;

        List<Detection> detections = postprocessor.process(outputBuffers, options);
        int[] upright = orientation.uprightSize(width, height);
        int[] shape = preprocessor.input().shape();
        ImageGeometry geometry = new ImageGeometry(upright[0], upright[1], shape[2], shape[1], ModelConfig.RESIZE_MODE);
        List<Box> imageBoxes = new ArrayList<>();
        for (Detection detection : detections) {
            imageBoxes.add(geometry.toImage(detection.box()));
        }
        return new Result(detections, imageBoxes, upright[0], upright[1], inferenceTimeMs);
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
