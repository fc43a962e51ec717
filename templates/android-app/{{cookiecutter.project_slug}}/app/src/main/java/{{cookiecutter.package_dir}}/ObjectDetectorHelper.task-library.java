{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;
import android.graphics.RectF;

import androidx.camera.core.ImageProxy;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Box;
import {{ cookiecutter.package_name }}.ml.Detection;
import {{ cookiecutter.package_name }}.ml.ImageGeometry;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.Timing;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.lite.support.image.TensorImage;
import org.tensorflow.lite.support.label.Category;
import org.tensorflow.lite.task.core.BaseOptions;
import org.tensorflow.lite.task.core.vision.ImageProcessingOptions;
import org.tensorflow.lite.task.vision.detector.ObjectDetector;

/**
 * Runs the model with the TFLite Task Library's {@link ObjectDetector}: it turns, resizes and
 * normalizes the image natively, as the model's metadata describes, and reads the
 * TFLite_Detection_PostProcess outputs. Its boxes are in pixels of the image as stored (before
 * the orientation); this class turns them upright with the ml core's {@link ImageGeometry}.
 *
 * <p>Not thread-safe: {@link MainViewModel} calls it from one background thread.
 */
public final class ObjectDetectorHelper implements Closeable {
{%- if gpu %}

    /** Any size works: the runtime resizes it to the model's input. */
    private static final int WARM_UP_SIDE = 64;
{%- endif %}

    /**
     * Detections (best first; each box normalized to the upright image) with their boxes in pixels
     * of the upright image, which is {@code imageWidth} x {@code imageHeight}; map them to a view
     * with {@link ImageGeometry#toView}.
     */
    public static final class Result {
        public final List<Detection> detections;
        public final List<Box> imageBoxes;
        public final int imageWidth;
        public final int imageHeight;
        /** Preprocessing is the app's (the frame as a bitmap); the Task Library's own turning, resizing and normalizing counts as inference. */
        public final Timing timing;

        Result(List<Detection> detections, List<Box> imageBoxes, int imageWidth, int imageHeight, Timing timing) {
            this.detections = detections;
            this.imageBoxes = imageBoxes;
            this.imageWidth = imageWidth;
            this.imageHeight = imageHeight;
            this.timing = timing;
        }
    }

    private final ObjectDetector detector;
    private final Acceleration acceleration;

    private ObjectDetectorHelper(ObjectDetector detector, Acceleration acceleration) {
        this.detector = detector;
        this.acceleration = acceleration;
    }

    /**
     * Loads the model from assets (stored uncompressed) with the options this app was generated
     * with; the Task Library reads normalization, labels and output layout from the metadata.
     *
     * @throws IOException when the model cannot be read
     * @throws RuntimeException when the Task Library cannot use it
     */
    public static ObjectDetectorHelper create(Context context, Acceleration acceleration) throws IOException {
{%- if gpu %}
        Backends.OnBackend<ObjectDetector> built = Backends.build(
                acceleration, () -> null, useGpu -> detector(context, acceleration, useGpu));
        return new ObjectDetectorHelper(built.value, built.acceleration);
{%- else %}
        return new ObjectDetectorHelper(detector(context, acceleration), acceleration);
{%- endif %}
    }

    private static ObjectDetector detector(Context context, Acceleration acceleration{% if gpu %}, boolean useGpu{% endif %})
            throws IOException {
        BaseOptions.Builder base = BaseOptions.builder().setNumThreads(acceleration.threads());
{%- if gpu %}
        if (useGpu) {
            base.useGpu();
        }
{%- endif %}
        ObjectDetector.ObjectDetectorOptions.Builder options = ObjectDetector.ObjectDetectorOptions.builder()
                .setBaseOptions(base.build())
                .setMaxResults(ModelConfig.MAX_RESULTS)
                // The Task Library keeps scores strictly above its threshold.
                .setScoreThreshold((float) ModelConfig.SCORE_THRESHOLD);
        if (!ModelConfig.LABEL_ALLOWLIST.isEmpty()) {
            options.setLabelAllowList(ModelConfig.LABEL_ALLOWLIST);
        }
        ObjectDetector detector = ObjectDetector.createFromFileAndOptions(context, ModelConfig.MODEL_ASSET, options.build());
{%- if gpu %}
        if (useGpu) {
            // One run on a blank image: a GPU that accepts the model but fails to run it fails now,
            // where the CPU can still take over, and the slow first run stays out of the readout.
            try {
                detector.detect(TensorImage.fromBitmap(Bitmap.createBitmap(WARM_UP_SIDE, WARM_UP_SIDE, Bitmap.Config.ARGB_8888)));
            } catch (RuntimeException e) {
                detector.close();
                throw e;
            }
        }
{%- endif %}
        return detector;
    }

    /** What really runs the model: the backend asked for, or the CPU and why. */
    public Acceleration acceleration() {
        return acceleration;
    }

    /**
     * Detects objects in a camera frame, turned upright by its rotation. The detector takes no
     * region of interest: it sees the whole frame, and its boxes are moved into the crop rect the
     * preview shows.
     */
    public Result detect(ImageProxy frame) {
        long start = System.nanoTime();
        Orientation orientation = Orientation.ofRotation(frame.getImageInfo().getRotationDegrees());
        Rect crop = frame.getCropRect();
        return run(start, frame.toBitmap(), orientation, crop.left, crop.top, crop.width(), crop.height());
    }

    /** Detects objects in a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result detect(Bitmap photo, Orientation orientation) {
        return run(System.nanoTime(), photo, orientation, 0, 0, photo.getWidth(), photo.getHeight());
    }

    /**
     * Runs the detector on {@code image} turned by {@code orientation}; boxes end up in its part
     * from (left, top). {@code start} is when preprocessing began.
     */
    private Result run(long start, Bitmap image, Orientation orientation, int left, int top, int width, int height) {
        ImageProcessingOptions options = ImageProcessingOptions.builder()
                .setOrientation(ImageProcessingOptions.Orientation.values()[orientation.exifOrientation() - 1])
                .build();
        TensorImage tensorImage = TensorImage.fromBitmap(image);
        long preprocessed = System.nanoTime();
        List<org.tensorflow.lite.task.vision.detector.Detection> found = detector.detect(tensorImage, options);
        long inferred = System.nanoTime();

        int[] upright = orientation.uprightSize(width, height);
        List<Detection> detections = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        for (org.tensorflow.lite.task.vision.detector.Detection detection : found) {
            if (detection.getCategories().isEmpty()) {
                continue;
            }
            Category category = detection.getCategories().get(0);
            RectF rect = detection.getBoundingBox();
            Box box = ImageGeometry.fromFrame(
                    new Box(rect.left, rect.top, rect.right, rect.bottom), left, top, width, height, orientation);
            boxes.add(box);
            Box normalized = new Box(box.left() / upright[0], box.top() / upright[1], box.right() / upright[0], box.bottom() / upright[1]);
            detections.add(new Detection(category.getIndex(), category.getLabel(), category.getScore(), normalized));
        }
        Timing timing = Timing.ofNanos(start, preprocessed, inferred, System.nanoTime());
        return new Result(detections, boxes, upright[0], upright[1], timing);
    }

    @Override
    public void close() {
        detector.close();
    }
}
