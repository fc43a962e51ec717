{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;
import android.graphics.RectF;
import android.os.SystemClock;
import android.util.Log;

import androidx.camera.core.ImageProxy;

import com.google.mediapipe.framework.image.BitmapImageBuilder;
import com.google.mediapipe.framework.image.MPImage;
import com.google.mediapipe.tasks.components.containers.Category;
import com.google.mediapipe.tasks.core.BaseOptions;
import com.google.mediapipe.tasks.core.Delegate;
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions;
import com.google.mediapipe.tasks.vision.core.RunningMode;
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetector;
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetectorResult;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Box;
import {{ cookiecutter.package_name }}.ml.Detection;
import {{ cookiecutter.package_name }}.ml.ImageGeometry;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.Timing;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the model with MediaPipe Tasks' {@link ObjectDetector}, which turns, resizes and
 * normalizes the image natively, as the model's metadata describes, and reads the
 * TFLite_Detection_PostProcess outputs. Camera frames go to a detector in LIVE_STREAM mode, one at
 * a time (a frame that arrives while one is in flight is skipped before any copy), and its results
 * reach a {@link LiveListener} on MediaPipe's thread; photos go to one in IMAGE mode, made on the
 * first photo. MediaPipe's boxes are in pixels of the image as
 * stored (before the rotation); this class turns them upright with the ml core's
 * {@link ImageGeometry}.
 *
 * <p>Called from one background thread ({@link MainViewModel}'s worker).
 */
public final class ObjectDetectorHelper implements Closeable {

    private static final String TAG = "ObjectDetectorHelper";

    /**
     * Detections (best first; each box normalized to the upright image) with their boxes in pixels
     * of the upright image, which is {@code imageWidth} x {@code imageHeight}; map them to a view
     * with {@link ImageGeometry#toView}. MediaPipe gives no class index for labelled models: it is -1.
     * In {@code timing}, preprocessing is the app's (the frame as a bitmap); inference is
     * MediaPipe's, its own turning and resizing included.
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

    /** Receives the live detector's results, on MediaPipe's thread, with the rotation of their frame. */
    public interface LiveListener {
        void onResult(Result result, int rotationDegrees);
    }

    /** The frame in flight: its rotation, the crop rect the preview shows, and when it was handed over. */
    private static final class Frame {
        final int rotationDegrees;
        final int left;
        final int top;
        final int width;
        final int height;
        final long startNanos;
        final long submittedNanos;

        Frame(int rotationDegrees, int left, int top, int width, int height, long startNanos, long submittedNanos) {
            this.rotationDegrees = rotationDegrees;
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
            this.startNanos = startNanos;
            this.submittedNanos = submittedNanos;
        }
    }

    private final Context context;
    private final Delegate delegate;
    private final LiveListener listener;
{%- if gpu %}
    /**
     * On the GPU, MediaPipe aborts the process when a category allowlist leaves out some classes
     * (mediapipe#5614), so there the app filters the labels and the result count itself.
     */
    private final boolean allowlistInApp;
{%- endif %}
    private final AtomicBoolean inFlight = new AtomicBoolean(false);
    private final ObjectDetector live;
    private ObjectDetector still;
    private Acceleration acceleration;
    private volatile Frame pending;
    private long lastTimestampMs;

    private ObjectDetectorHelper(Context context, Delegate delegate, LiveListener listener) {
        this.context = context;
        this.delegate = delegate;
        this.listener = listener;
{%- if gpu %}
        this.allowlistInApp = delegate == Delegate.GPU && !ModelConfig.LABEL_ALLOWLIST.isEmpty();
{%- endif %}
        this.live = detector(RunningMode.LIVE_STREAM);
    }

    /**
     * Loads the model from assets on {@code acceleration}'s backend{% if gpu %} (the CPU where MediaPipe's GPU
     * delegate cannot start){% endif %}; MediaPipe reads normalization, labels and output layout from the
     * model's metadata.
     *
     * @throws RuntimeException with a readable message when the model cannot be used
     */
    public static ObjectDetectorHelper create(Context context, Acceleration acceleration, LiveListener listener) {
{%- if gpu %}
        Backends.OnBackend<ObjectDetectorHelper> built = Backends.build(acceleration, () -> null,
                useGpu -> new ObjectDetectorHelper(context, useGpu ? Delegate.GPU : Delegate.CPU, listener));
        built.value.acceleration = built.acceleration;
        return built.value;
{%- else %}
        ObjectDetectorHelper helper = new ObjectDetectorHelper(context, Delegate.CPU, listener);
        helper.acceleration = acceleration;
        return helper;
{%- endif %}
    }

    /** What really runs the model: the backend asked for, or the CPU and why. */
    public Acceleration acceleration() {
        return acceleration;
    }

    /**
     * Hands a camera frame to the live detector, turned upright by its rotation. The detector
     * takes no region of interest: it sees the whole frame, and its boxes are moved into the crop
     * rect the preview shows.
     */
    public void detectLive(ImageProxy frame) {
        if (!inFlight.compareAndSet(false, true)) {
            return; // MediaPipe would drop it anyway, after a copy
        }
        try {
            submit(frame);
        } catch (RuntimeException e) {
            inFlight.set(false); // no result will come for this frame
            throw e;
        }
    }

    private void submit(ImageProxy frame) {
        long start = System.nanoTime();
        int rotation = frame.getImageInfo().getRotationDegrees();
        Rect crop = frame.getCropRect();
        ImageProcessingOptions options = ImageProcessingOptions.builder().setRotationDegrees(rotation).build();
        Bitmap bitmap = frame.toBitmap();
        // Live stream timestamps must increase.
        lastTimestampMs = Math.max(SystemClock.uptimeMillis(), lastTimestampMs + 1);
        pending = new Frame(rotation, crop.left, crop.top, crop.width(), crop.height(), start, System.nanoTime());
        try {
            live.detectAsync(new BitmapImageBuilder(bitmap).build(), options, lastTimestampMs);
        } finally {
            bitmap.recycle(); // MediaPipe copied the pixels before detectAsync returned
        }
    }

    /** Detects objects in a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result detect(Bitmap photo, Orientation orientation) {
        if (still == null) {
            still = detector(RunningMode.IMAGE);
        }
        // Turned here, mirror included (MediaPipe only rotates), so the boxes come back upright. The
        // image is not closed: closing it would recycle a bitmap the screen may show.
        long start = System.nanoTime();
        Bitmap upright = Photo.upright(photo, orientation);
        MPImage image = new BitmapImageBuilder(upright).build();
        long submitted = System.nanoTime();
        ObjectDetectorResult result = still.detect(image);
        Frame frame = new Frame(0, 0, 0, upright.getWidth(), upright.getHeight(), start, submitted);
        return convert(result, frame, System.nanoTime(){% if gpu %}, allowlistInApp{% endif %});
    }

    @Override
    public void close() {
        live.close();
        if (still != null) {
            still.close();
        }
    }

    private void onLive(ObjectDetectorResult result) {
        long inferred = System.nanoTime();
        Frame frame = pending;
        if (frame == null) {
            return;
        }
        Result converted = convert(result, frame, inferred{% if gpu %}, allowlistInApp{% endif %});
        inFlight.set(false);
        listener.onResult(converted, frame.rotationDegrees);
    }

    private ObjectDetector detector(RunningMode mode) {
        ObjectDetector.ObjectDetectorOptions.Builder options = ObjectDetector.ObjectDetectorOptions.builder()
                .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).setDelegate(delegate).build())
                .setRunningMode(mode)
                .setScoreThreshold((float) ModelConfig.SCORE_THRESHOLD);
{%- if gpu %}
        if (!allowlistInApp) {
            options.setMaxResults(ModelConfig.MAX_RESULTS);
            if (!ModelConfig.LABEL_ALLOWLIST.isEmpty()) {
                options.setCategoryAllowlist(ModelConfig.LABEL_ALLOWLIST);
            }
        }
{%- else %}
        options.setMaxResults(ModelConfig.MAX_RESULTS);
        if (!ModelConfig.LABEL_ALLOWLIST.isEmpty()) {
            options.setCategoryAllowlist(ModelConfig.LABEL_ALLOWLIST);
        }
{%- endif %}
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener((result, input) -> onLive(result));
            options.setErrorListener(error -> {
                inFlight.set(false);
                Log.e(TAG, "Live detection failed", error);
            });
        }
        return ObjectDetector.createFromOptions(context, options.build());
    }

    /**
     * MediaPipe's boxes, in pixels of the whole stored frame, into the upright crop of
     * {@code frame}; {@code inferred} is when they arrived.{% if gpu %} {@code filter}: keep only allowlisted
     * labels, at most {@link ModelConfig#MAX_RESULTS} (what MediaPipe does itself on the CPU).{% endif %}
     */
    private static Result convert(ObjectDetectorResult result, Frame frame, long inferred{% if gpu %}, boolean filter{% endif %}) {
        Orientation orientation = Orientation.ofRotation(frame.rotationDegrees);
        int[] upright = orientation.uprightSize(frame.width, frame.height);
        List<Detection> detections = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        for (com.google.mediapipe.tasks.components.containers.Detection detection : result.detections()) {
            if (detection.categories().isEmpty()) {
                continue;
            }
            Category category = detection.categories().get(0);
{%- if gpu %}
            if (filter && (!ModelConfig.LABEL_ALLOWLIST.contains(category.categoryName())
                    || detections.size() == ModelConfig.MAX_RESULTS)) {
                continue;
            }
{%- endif %}
            RectF rect = detection.boundingBox();
            Box box = ImageGeometry.fromFrame(new Box(rect.left, rect.top, rect.right, rect.bottom),
                    frame.left, frame.top, frame.width, frame.height, orientation);
            boxes.add(box);
            Box normalized = new Box(box.left() / upright[0], box.top() / upright[1], box.right() / upright[0], box.bottom() / upright[1]);
            detections.add(new Detection(category.index(), category.categoryName(), category.score(), normalized));
        }
        Timing timing = Timing.ofNanos(frame.startNanos, frame.submittedNanos, inferred, System.nanoTime());
        return new Result(detections, boxes, upright[0], upright[1], timing);
    }
}
