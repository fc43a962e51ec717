package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.Rect;
import android.graphics.RectF;
import android.os.SystemClock;
import android.util.Log;

import androidx.camera.core.ImageProxy;

import com.google.mediapipe.framework.image.BitmapImageBuilder;
import com.google.mediapipe.tasks.components.containers.Classifications;
import com.google.mediapipe.tasks.core.BaseOptions;
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions;
import com.google.mediapipe.tasks.vision.core.RunningMode;
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifier;
import com.google.mediapipe.tasks.vision.imageclassifier.ImageClassifierResult;

import {{ cookiecutter.package_name }}.ml.Category;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the model with MediaPipe Tasks' {@link ImageClassifier}, which crops, turns, resizes and
 * normalizes the image natively, as the model's metadata describes. Camera frames go to a
 * classifier in LIVE_STREAM mode, which drops frames while it is busy and reports to a
 * {@link LiveListener} on its own thread; photos go to one in IMAGE mode, made on the first photo.
 *
 * <p>Called from one background thread ({@link MainViewModel}'s worker); live results arrive on
 * MediaPipe's.
 */
public final class ImageClassifierHelper implements Closeable {

    private static final String TAG = "ImageClassifierHelper";

    /** Top categories, best first, and how long MediaPipe took (its preprocessing and any queueing included). */
    public static final class Result {
        public final List<Category> categories;
        public final long inferenceTimeMs;

        Result(List<Category> categories, long inferenceTimeMs) {
            this.categories = categories;
            this.inferenceTimeMs = inferenceTimeMs;
        }
    }

    /** Receives the live classifier's results, on MediaPipe's thread. */
    public interface LiveListener {
        void onResult(Result result);
    }

    private final Context context;
    private final LiveListener listener;
    private final ImageClassifier live;
    private ImageClassifier still;
    private long lastTimestampMs;

    private ImageClassifierHelper(Context context, LiveListener listener) {
        this.context = context;
        this.listener = listener;
        this.live = classifier(RunningMode.LIVE_STREAM);
    }

    /**
     * Loads the model from assets with the options this app was generated with; MediaPipe reads
     * normalization and labels from the model's metadata.
     *
     * @throws RuntimeException with a readable message when the model cannot be used
     */
    public static ImageClassifierHelper create(Context context, LiveListener listener) {
        return new ImageClassifierHelper(context, listener);
    }

    /** Hands a camera frame to the live classifier: the part the preview shows, turned upright. */
    public void classifyLive(ImageProxy frame) {
        Rect crop = frame.getCropRect();
        float width = frame.getWidth();
        float height = frame.getHeight();
        ImageProcessingOptions options = ImageProcessingOptions.builder()
                .setRotationDegrees(frame.getImageInfo().getRotationDegrees())
                .setRegionOfInterest(new RectF(crop.left / width, crop.top / height, crop.right / width, crop.bottom / height))
                .build();
        // Live stream timestamps must increase; MediaPipe keeps the image until it is done with it.
        lastTimestampMs = Math.max(SystemClock.uptimeMillis(), lastTimestampMs + 1);
        live.classifyAsync(new BitmapImageBuilder(frame.toBitmap()).build(), options, lastTimestampMs);
    }

    /** Classifies a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result classify(Bitmap photo, Orientation orientation) {
        if (still == null) {
            still = classifier(RunningMode.IMAGE);
        }
        long start = SystemClock.elapsedRealtime();
        // Turned here, mirror included (MediaPipe only rotates). The image is not closed: closing
        // it would recycle a bitmap the screen may show.
        ImageClassifierResult result = still.classify(new BitmapImageBuilder(Photo.upright(photo, orientation)).build());
        return new Result(categories(result), SystemClock.elapsedRealtime() - start);
    }

    @Override
    public void close() {
        live.close();
        if (still != null) {
            still.close();
        }
    }

    private ImageClassifier classifier(RunningMode mode) {
        ImageClassifier.ImageClassifierOptions.Builder options = ImageClassifier.ImageClassifierOptions.builder()
                .setBaseOptions(BaseOptions.builder().setModelAssetPath(ModelConfig.MODEL_ASSET).build())
                .setRunningMode(mode)
                .setMaxResults(ModelConfig.MAX_RESULTS);
        if (mode == RunningMode.LIVE_STREAM) {
            options.setResultListener((result, input) -> listener.onResult(
                    new Result(categories(result), SystemClock.uptimeMillis() - result.timestampMs())));
            options.setErrorListener(error -> Log.e(TAG, "Live classification failed", error));
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
