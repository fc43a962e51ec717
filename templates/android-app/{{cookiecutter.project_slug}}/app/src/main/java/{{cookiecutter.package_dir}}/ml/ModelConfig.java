package {{ cookiecutter.package_name }}.ml;

import java.util.List;

/**
 * The model-specific choices for this app, written by {{ cookiecutter.generator }}.
 *
 * <p>{{ cookiecutter.model_summary }}
 *
 * <p>Tensor shapes, types and quantization are <em>not</em> here: the app reads them from the
 * model at run time. What the model file cannot tell the interpreter lives here: how pixels were
 * normalized during training, the channel order, how images are fitted to the input, and whether
 * the last layer outputs logits. The golden tests check these values against the reference.
 */
public final class ModelConfig {

    /** Model file in {@code app/src/main/assets}, stored uncompressed so it can be memory-mapped. */
    public static final String MODEL_ASSET = "{{ cookiecutter.model_file }}";

    /** One label per line; line i names output index i. */
    public static final String LABELS_ASSET = "{{ cookiecutter.labels_file }}";

    /** How many categories the app shows. */
    public static final int MAX_RESULTS = {{ cookiecutter.top_k }};

    /** CPU threads for the LiteRT interpreter. */
    public static final int NUM_THREADS = {{ cookiecutter.num_threads }};

    /** True when the model outputs logits, so scores are turned into probabilities with softmax. */
    public static final boolean APPLY_SOFTMAX = {{ "true" if cookiecutter.apply_softmax else "false" }};

    /** Per-channel {@code (pixel - mean) / std} in the 0..255 pixel domain, in tensor channel order. */
    private static final double[] NORM_MEAN = { {{- cookiecutter.norm_mean.split(",") | map("trim") | join(", ") -}} };
    private static final double[] NORM_STD = { {{- cookiecutter.norm_std.split(",") | map("trim") | join(", ") -}} };

    public static final ImagePreprocessor.ChannelOrder CHANNEL_ORDER = ImagePreprocessor.ChannelOrder.{{ cookiecutter.channel_order.upper() }};
    public static final ImagePreprocessor.ResizeMode RESIZE_MODE = ImagePreprocessor.ResizeMode.{{ cookiecutter.resize_mode.upper().replace("-", "_") }};

    private ModelConfig() {}

    /** The preprocessing this model was trained with, for the interpreter's input tensor. */
    public static ImagePreprocessor newPreprocessor(TensorSpec input) {
        return new ImagePreprocessor(input, NORM_MEAN, NORM_STD, CHANNEL_ORDER, RESIZE_MODE);
    }

    /** Top-{@link #MAX_RESULTS} post-processing for the interpreter's output tensor. */
    public static ClassificationPostprocessor newPostprocessor(TensorSpec output, List<String> labels) {
        return new ClassificationPostprocessor(output, labels, APPLY_SOFTMAX, MAX_RESULTS);
    }
}
