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
import com.google.mediapipe.tasks.components.containers.Classifications;
import com.google.mediapipe.tasks.core.BaseOptions;
import com.google.mediapipe.tasks.core.Delegate;
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions;
import com.google.mediapipe.tasks.vision.core.RunningMode;
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifier;
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifierResult;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Category;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.Timing;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the model with MediaPipe Tasks' {@link ImageClassifier}, which crops, turns, resizes and
 * normalizes the image natively, as the model's metadata describes. Camera frames go to a
 * classifier in LIVE_STREAM mode, one at a time (a frame that arrives while one is in flight is
 * skipped before any copy), and its results reach a {@link LiveListener} on MediaPipe's thread;
 * photos go to one in IMAGE mode, made on the first photo.
 *
 * <p>Called from one background thread ({@link MainViewModel}'s worker).
 */
public final class ImageClassifierHelper implements Closeable {

    private static final String TAG = "ImageClassifierHelper";

    /**
     * Top categories, best first, and how long each stage took: preprocessing is the app's (the
     * frame as a bitmap); inference is MediaPipe's, its own cropping, turning and resizing included.
     */
    public static final class Result {
        public final List<Category> categories;
        public final Timing timing;

        Result(List<Category> categories, Timing timing) {
            this.categories = categories;
            this.timing = timing;
        }
    }

    /** Receives the live classifier's results, on MediaPipe's thread. */
    public interface LiveListener {
        void onResult(Result result);
    }

    private final Context context;
    private final Delegate delegate;
    private final LiveListener listener;
    private final AtomicBoolean inFlight = new AtomicBoolean(false);
    private final ImageClassifier live;
    private ImageClassifier still;
    private Acceleration acceleration;
    private long lastTimestampMs;
    /** When the frame in flight was handed over, and how long preparing it took (System.nanoTime). */
    private volatile long submittedNanos;
    private volatile long preprocessNanos;

    private ImageClassifierHelper(Context context, Delegate delegate, LiveListener listener) {
        this.context = context;
        this.delegate = delegate;
        this.listener = listener;
        this.live = classifier(RunningMode.LIVE_STREAM);
    }

    /**
     * Loads the model from assets on {@code acceleration}'s backend{% if gpu %} (the CPU where MediaPipe's GPU
     * delegate cannot start){% endif %}; MediaPipe reads normalization and labels from the model's metadata.
     *
     * @throws RuntimeException with a readable message when the model cannot be used
     */
    public static ImageClassifierHelper create(Context context, Acceleration acceleration, LiveListener listener) {
{%- if gpu %}
        Backends.OnBackend<ImageClassifierHelper> built = Backends.build(acceleration, () -> null,
                useGpu -> new ImageClassifierHelper(context, useGpu ? Delegate.GPU : Delegate.CPU, listener));
        built.value.acceleration = built.acceleration;
        return built.value;
{%- else %}
        ImageClassifierHelper helper = new ImageClassifierHelper(context, Delegate.CPU, listener);
        helper.acceleration = acceleration;
        return helper;
{%- endif %}
    }

    /** What really runs the model: the backend asked for, or the CPU and why. */
    public Acceleration acceleration() {
        return acceleration;
    }

    /** Hands a camera frame to the live classifier: the part the preview shows, turned upright. */
    public void classifyLive(ImageProxy frame) {
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
        Rect crop = frame.getCropRect();
        float width = frame.getWidth();
        float height = frame.getHeight();
        ImageProcessingOptions options = ImageProcessingOptions.builder()
                .setRotationDegrees(frame.getImageInfo().getRotationDegrees())
                .setRegionOfInterest(new RectF(crop.left / width, crop.top / height, crop.right / width, crop.bottom / height))
                .build();
        Bitmap bitmap = frame.toBitmap();
        // Live stream timestamps must increase.
        lastTimestampMs = Math.max(SystemClock.uptimeMillis(), lastTimestampMs + 1);
        submittedNanos = System.nanoTime();
        preprocessNanos = submittedNanos - start;
        try {
            live.classifyAsync(new BitmapImageBuilder(bitmap).build(), options, lastTimestampMs);
        } finally {
            bitmap.recycle(); // MediaPipe copied the pixels before classifyAsync returned
        }
    }

    /** Classifies a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result classify(Bitmap photo, Orientation orientation) {
        if (still == null) {
            still = classifier(RunningMode.IMAGE);
        }
        long start = System.nanoTime();
        // Turned here, mirror included (MediaPipe only rotates). The image is not closed: closing
        // it would recycle a bitmap the screen may show.
        MPImage image = new BitmapImageBuilder(Photo.upright(photo, orientation)).build();
        long preprocessed = System.nanoTime();
        ImageClassifierResult result = still.classify(image);
        long inferred = System.nanoTime();
        return new Result(categories(result), Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()));
    }

    @Override
    public void close() {
        live.close();
        if (still != null) {
            still.close();
        }
    }

    private void onLive(ImageClassifierResult result) {
        long inferred = System.nanoTime();
        List<Category> categories = categories(result);
        long submitted = submittedNanos;
        inFlight.set(false);
        listener.onResult(new Result(categories,
                Timing.ofNanos(submitted - preprocessNanos, submitted, inferred, System.nanoTime())));
    }

    private ImageClassifier classifier(RunningMode mode) {
        ImageClassifier.ImageClassifierOptions.Builder options = ImageClassifier.ImageClassifierOptions.builder()
                .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).setDelegate(delegate).build())
                .setRunningMode(mode)
                .setMaxResults(ModelConfig.MAX_RESULTS);
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener((result, input) -> onLive(result));
            options.setErrorListener(error -> {
                inFlight.set(false);
                Log.e(TAG, "Live classification failed", error);
            });
        }
        return ImageClassifier.createFromOptions(context, options.build());
    }

    private static List<Category> categories(ImageClassifierResult result) {
        List<Category> categories = new ArrayList<>();
        List<Classifications> heads = result.classificationResult().classifications();
        if (!heads.isEmpty()) {
            for (com.google.mediapipe.tasks.components.containers.Category category : heads.get(0).categories()) {
                categories.add(new Category(category.index(), category.categoryName(), category.score()));
            }
        }
        return categories;
    }
}
