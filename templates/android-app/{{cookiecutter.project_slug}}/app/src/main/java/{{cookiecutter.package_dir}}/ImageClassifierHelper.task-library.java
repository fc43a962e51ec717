package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;
import android.os.SystemClock;

import androidx.camera.core.ImageProxy;

import {{ cookiecutter.package_name }}.ml.Category;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.lite.support.image.TensorImage;
import org.tensorflow.lite.task.core.BaseOptions;
import org.tensorflow.lite.task.core.vision.ImageProcessingOptions;
import org.tensorflow.lite.task.vision.classifier.Classifications;
import org.tensorflow.lite.task.vision.classifier.ImageClassifier;

/**
 * Runs the model with the TFLite Task Library's {@link ImageClassifier}: it crops, turns, resizes
 * and normalizes the image natively, as the model's metadata describes, and ranks the labels.
 *
 * <p>Not thread-safe: {@link MainViewModel} calls it from one background thread.
 */
public final class ImageClassifierHelper implements Closeable {

    /** Top categories, best first, and how long the Task Library took (its preprocessing included). */
    public static final class Result {
        public final List<Category> categories;
        public final long inferenceTimeMs;

        Result(List<Category> categories, long inferenceTimeMs) {
            this.categories = categories;
            this.inferenceTimeMs = inferenceTimeMs;
        }
    }

    private final ImageClassifier classifier;

    private ImageClassifierHelper(ImageClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Loads the model from assets (stored uncompressed) with the options this app was generated
     * with; the Task Library reads normalization and labels from the model's metadata.
     *
     * @throws IOException when the model cannot be read
     * @throws RuntimeException when the Task Library cannot use it
     */
    public static ImageClassifierHelper create(Context context, int numThreads) throws IOException {
        ImageClassifier.ImageClassifierOptions options = ImageClassifier.ImageClassifierOptions.builder()
                .setBaseOptions(BaseOptions.builder().setNumThreads(numThreads).build())
                .setMaxResults(ModelConfig.MAX_RESULTS)
                .build();
        return new ImageClassifierHelper(ImageClassifier.createFromFileAndOptions(context, ModelConfig.MODEL_ASSET, options));
    }

    public static ImageClassifierHelper create(Context context) throws IOException {
        return create(context, ModelConfig.NUM_THREADS);
    }

    /** Classifies the part of a camera frame the preview shows (its crop rect), turned upright by its rotation. */
    public Result classify(ImageProxy frame) {
        ImageProcessingOptions options = ImageProcessingOptions.builder()
                .setOrientation(taskOrientation(Orientation.ofRotation(frame.getImageInfo().getRotationDegrees())))
                .setRoi(frame.getCropRect())
                .build();
        return run(TensorImage.fromBitmap(frame.toBitmap()), options);
    }

    /** Classifies a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result classify(Bitmap photo, Orientation orientation) {
        ImageProcessingOptions options = ImageProcessingOptions.builder().setOrientation(taskOrientation(orientation)).build();
        return run(TensorImage.fromBitmap(photo), options);
    }

    private Result run(TensorImage image, ImageProcessingOptions options) {
        long start = SystemClock.elapsedRealtime();
        List<Classifications> heads = classifier.classify(image, options);
        long inferenceTimeMs = SystemClock.elapsedRealtime() - start;
        List<Category> categories = new ArrayList<>();
        if (!heads.isEmpty()) {
            for (org.tensorflow.lite.support.label.Category category : heads.get(0).getCategories()) {
                categories.add(new Category(category.getIndex(), category.getLabel(), category.getScore()));
            }
        }
        return new Result(categories, inferenceTimeMs);
    }

    /** The Task Library's orientations are the EXIF ones, in the order of their tags 1 to 8. */
    private static ImageProcessingOptions.Orientation taskOrientation(Orientation orientation) {
        return ImageProcessingOptions.Orientation.values()[orientation.exifOrientation() - 1];
    }

    @Override
    public void close() {
        classifier.close();
    }
}
