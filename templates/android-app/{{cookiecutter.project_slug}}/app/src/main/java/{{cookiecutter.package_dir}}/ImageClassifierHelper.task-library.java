{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Bitmap;

import androidx.camera.core.ImageProxy;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Category;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;
import {{ cookiecutter.package_name }}.ml.Timing;

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
{%- if gpu %}

    /** Any size works: the runtime resizes it to the model's input. */
    private static final int WARM_UP_SIDE = 64;
{%- endif %}

    /**
     * Top categories, best first, and how long each stage took: preprocessing is the app's (the
     * frame as a bitmap), the Task Library's own turning, resizing and normalizing counts as
     * inference.
     */
    public static final class Result {
        public final List<Category> categories;
        public final Timing timing;

        Result(List<Category> categories, Timing timing) {
            this.categories = categories;
            this.timing = timing;
        }
    }

    private final ImageClassifier classifier;
    private final Acceleration acceleration;

    private ImageClassifierHelper(ImageClassifier classifier, Acceleration acceleration) {
        this.classifier = classifier;
        this.acceleration = acceleration;
    }

    /**
     * Loads the model from assets (stored uncompressed) with the options this app was generated
     * with; the Task Library reads normalization and labels from the model's metadata.
     *
     * @throws IOException when the model cannot be read
     * @throws RuntimeException when the Task Library cannot use it
     */
    public static ImageClassifierHelper create(Context context, Acceleration acceleration) throws IOException {
{%- if gpu %}
        Backends.OnBackend<ImageClassifier> built = Backends.build(
                acceleration, () -> null, useGpu -> classifier(context, acceleration, useGpu));
        return new ImageClassifierHelper(built.value, built.acceleration);
{%- else %}
        return new ImageClassifierHelper(classifier(context, acceleration), acceleration);
{%- endif %}
    }

    private static ImageClassifier classifier(Context context, Acceleration acceleration{% if gpu %}, boolean useGpu{% endif %})
            throws IOException {
        BaseOptions.Builder base = BaseOptions.builder().setNumThreads(acceleration.threads());
{%- if gpu %}
        if (useGpu) {
            base.useGpu();
        }
{%- endif %}
        ImageClassifier.ImageClassifierOptions options = ImageClassifier.ImageClassifierOptions.builder()
                .setBaseOptions(base.build())
                .setMaxResults(ModelConfig.MAX_RESULTS)
                .build();
        ImageClassifier classifier = ImageClassifier.createFromFileAndOptions(context, ModelConfig.MODEL_ASSET, options);
{%- if gpu %}
        if (useGpu) {
            // One run on a blank image: a GPU that accepts the model but fails to run it fails now,
            // where the CPU can still take over, and the slow first run stays out of the readout.
            try {
                classifier.classify(TensorImage.fromBitmap(Bitmap.createBitmap(WARM_UP_SIDE, WARM_UP_SIDE, Bitmap.Config.ARGB_8888)));
            } catch (RuntimeException e) {
                classifier.close();
                throw e;
            }
        }
{%- endif %}
        return classifier;
    }

    /** What really runs the model: the backend asked for, or the CPU and why. */
    public Acceleration acceleration() {
        return acceleration;
    }

    /** Classifies the part of a camera frame the preview shows (its crop rect), turned upright by its rotation. */
    public Result classify(ImageProxy frame) {
        long start = System.nanoTime();
        TensorImage image = TensorImage.fromBitmap(frame.toBitmap());
        ImageProcessingOptions options = ImageProcessingOptions.builder()
                .setOrientation(taskOrientation(Orientation.ofRotation(frame.getImageInfo().getRotationDegrees())))
                .setRoi(frame.getCropRect())
                .build();
        return run(start, image, options);
    }

    /** Classifies a photo (ARGB_8888) once {@code orientation}, from its EXIF, has turned it upright. */
    public Result classify(Bitmap photo, Orientation orientation) {
        long start = System.nanoTime();
        ImageProcessingOptions options = ImageProcessingOptions.builder().setOrientation(taskOrientation(orientation)).build();
        return run(start, TensorImage.fromBitmap(photo), options);
    }

    /** Runs the classifier; {@code start} is when preprocessing began. */
    private Result run(long start, TensorImage image, ImageProcessingOptions options) {
        long preprocessed = System.nanoTime();
        List<Classifications> heads = classifier.classify(image, options);
        long inferred = System.nanoTime();
        List<Category> categories = new ArrayList<>();
        if (!heads.isEmpty()) {
            for (org.tensorflow.lite.support.label.Category category : heads.get(0).getCategories()) {
                categories.add(new Category(category.getIndex(), category.getLabel(), category.getScore()));
            }
        }
        return new Result(categories, Timing.ofNanos(start, preprocessed, inferred, System.nanoTime()));
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
