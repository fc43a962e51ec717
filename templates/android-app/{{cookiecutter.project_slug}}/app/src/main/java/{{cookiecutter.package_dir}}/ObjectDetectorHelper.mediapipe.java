package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;
import android.graphics.RectF;
import android.os.SystemClock;
import android.util.Log;

import androidx.camera.core.ImageProxy;

import com.google.mediapipe.framework.image.BitmapImageBuilder;
import com.google.mediapipe.tasks.components.containers.Category;
import com.google.mediapipe.tasks.core.BaseOptions;
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions;
import com.google.mediapipe.tasks.vision.core.RunningMode;
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetector;
import com.google.mediapipe.tasks.vision.objectdetector.ObjectDetectorResult;

import {{ cookiecutter.package_name }}.ml.Box;
import {{ cookiecutter.package_name }}.ml.Detection;
import {{ cookiecutter.package_name }}.ml.ImageGeometry;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs the model with MediaPipe Tasks' {@link ObjectDetector}, which turns, resizes and
 * normalizes the image natively, as the model's metadata describes, and reads the
 * TFLite_Detection_PostProcess outputs. Camera frames go to a detector in LIVE_STREAM mode, which
 * drops frames while it is busy and reports to a {@link LiveListener} on its own thread; photos go
 * to one in IMAGE mode, made on the first photo. MediaPipe's boxes are in pixels of the image as
 * stored (before the rotation); this class turns them upright with the ml core's
 * {@link ImageGeometry}.
 *
 * <p>Called from one background thread ({@link MainViewModel}'s worker); live results arrive on
 * MediaPipe's.
 */
public final class ObjectDetectorHelper implements Closeable {

    private static final String TAG = "ObjectDetectorHelper";

    /**
     * Detections (best first; each box normalized to the upright image) with their boxes in pixels
     * of the upright image, which is {@code imageWidth} x {@code imageHeight}; map them to a view
     * with {@link ImageGeometry#toView}. MediaPipe gives no class index for labelled models: it is -1.
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

    /** Receives the live detector's results, on MediaPipe's thread, with the rotation of their frame. */
    public interface LiveListener {
        void onResult(Result result, int rotationDegrees);
    }

    /** Where a live frame's boxes go: its rotation and the crop rect the preview shows. */
    private static final class Frame {
        final int rotationDegrees;
        final int left;
        final int top;
        final int width;
        final int height;

        Frame(int rotationDegrees, int left, int top, int width, int height) {
            this.rotationDegrees = rotationDegrees;
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
        }
    }

    private final Context context;
    private final LiveListener listener;
    /** Frames handed to the live detector, by timestamp, until their result (or a later one) arrives. */
    private final TreeMap<Long, Frame> frames = new TreeMap<>();
    private final ObjectDetector live;
    private ObjectDetector still;
    private long lastTimestampMs;

    private ObjectDetectorHelper(Context context, LiveListener listener) {
        this.context = context;
        this.listener = listener;
        this.live = detector(RunningMode.LIVE_STREAM);
    }

    /**
     * Loads the model from assets with the options this app was generated with; MediaPipe reads
     * normalization, labels and output layout from the model's metadata.
     *
     * @throws RuntimeException with a readable message when the model cannot be used
     */
    public static ObjectDetectorHelper create(Context context, LiveListener listener) {
        return new ObjectDetectorHelper(context, listener);
    }

    /**
     * Hands a camera frame to the live detector, turned upright by its rotation. The detector
     * takes no region of interest: it sees the whole frame, and its boxes are moved into the crop
     * rect the preview shows.
     */
    public void detectLive(ImageProxy frame) {
        int rotation = frame.getImageInfo().getRotationDegrees();
        Rect crop = frame.getCropRect();
        ImageProcessingOptions options = ImageProcessingOptions.builder().setRotationDegrees(rotation).build();
        // Live stream timestamps must increase; MediaPipe keeps the image until it is done with it.
        lastTimestampMs = Math.max(SystemClock.uptimeMillis(), lastTimestampMs + 1);
        synchronized (frames) {
            frames.put(lastTimestampMs, new Frame(rotation, crop.left, crop.top, crop.width(), crop.height()));
        }
        live.detectAsync(new BitmapImageBuilder(frame.toBitmap()).build(), options, lastTimestampMs);
    }

    /** Detects objects in a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result detect(Bitmap photo, Orientation orientation) {
        if (still == null) {
            still = detector(RunningMode.IMAGE);
        }
        // Turned here, mirror included (MediaPipe only rotates), so the boxes come back upright. The
        // image is not closed: closing it would recycle a bitmap the screen may show.
        Bitmap upright = Photo.upright(photo, orientation);
        long start = SystemClock.elapsedRealtime();
        ObjectDetectorResult result = still.detect(new BitmapImageBuilder(upright).build());
        return convert(result, new Frame(0, 0, 0, upright.getWidth(), upright.getHeight()), SystemClock.elapsedRealtime() - start);
    }

    @Override
    public void close() {
        live.close();
        if (still != null) {
            still.close();
        }
    }

    private void onLive(ObjectDetectorResult result) {
        Frame frame;
        synchronized (frames) {
            frame = frames.get(result.timestampMs());
            frames.headMap(result.timestampMs(), true).clear(); // this frame, and those MediaPipe dropped
        }
        if (frame != null) {
            listener.onResult(convert(result, frame, SystemClock.uptimeMillis() - result.timestampMs()), frame.rotationDegrees);
        }
    }

    private ObjectDetector detector(RunningMode mode) {
        ObjectDetector.ObjectDetectorOptions.Builder options = ObjectDetector.ObjectDetectorOptions.builder()
                .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).build())
                .setRunningMode(mode)
                .setMaxResults(ModelConfig.MAX_RESULTS)
                .setScoreThreshold((float) ModelConfig.SCORE_THRESHOLD);
        if (!ModelConfig.LABEL_ALLOWLIST.isEmpty()) {
            options.setCategoryAllowlist(ModelConfig.LABEL_ALLOWLIST);
        }
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener((result, input) -> onLive(result));
            options.setErrorListener(error -> Log.e(TAG, "Live detection failed", error));
        }
        return ObjectDetector.createFromOptions(context, options.build());
    }

    /** MediaPipe's boxes, in pixels of the whole stored frame, into the upright crop of {@code frame}. */
    private static Result convert(ObjectDetectorResult result, Frame frame, long inferenceTimeMs) {
        Orientation orientation = Orientation.ofRotation(frame.rotationDegrees);
        int[] upright = orientation.uprightSize(frame.width, frame.height);
        List<Detection> detections = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        for (com.google.mediapipe.tasks.components.containers.Detection detection : result.detections()) {
            if (detection.categories().isEmpty()) {
                continue;
            }
            Category category = detection.categories().get(0);
            RectF rect = detection.boundingBox();
            Box inCrop = new Box(rect.left - frame.left, rect.top - frame.top, rect.right - frame.left, rect.bottom - frame.top);
            Box box = ImageGeometry.orient(inCrop, frame.width, frame.height, orientation);
            boxes.add(box);
            Box normalized = new Box(box.left() / upright[0], box.top() / upright[1], box.right() / upright[0], box.bottom() / upright[1]);
            detections.add(new Detection(category.index(), category.categoryName(), category.score(), normalized));
        }
        return new Result(detections, boxes, upright[0], upright[1], inferenceTimeMs);
    }
}
