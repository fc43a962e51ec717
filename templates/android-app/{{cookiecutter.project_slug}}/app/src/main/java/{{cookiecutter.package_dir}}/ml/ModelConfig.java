{%- set acceleration_block %}
{%- if cookiecutter.runtime != "mediapipe" %}

    /** CPU threads the app starts with; a setting in the app changes them while it runs. */
    public static final int NUM_THREADS = {{ cookiecutter.num_threads }};
{%- endif %}

    /**
     * The backend the app starts with (tflite-scaffold --accelerator {{ cookiecutter.accelerator }}): {{ cookiecutter._accelerator_reason }}.
     * A setting in the app switches it while it runs.
     */
    public static final Acceleration DEFAULT_ACCELERATION =
            Acceleration.requested(Acceleration.Backend.{{ cookiecutter._default_backend }}, {{ "0" if cookiecutter.runtime == "mediapipe" else "NUM_THREADS" }});
{%- if cookiecutter.accelerator != "cpu" %}

    /** What tflite-scaffold found the GPU will not run of this model (shown when the GPU runs; "" when nothing). */
    public static final String GPU_LIMITS = {{ cookiecutter._gpu_limits | tojson }};
{%- endif %}
{%- endset -%}
package {{ cookiecutter.package_name }}.ml;

{% if cookiecutter.runtime not in ("interpreter", "compiled-model") -%}
{% if cookiecutter.task == "detect" -%}
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

{% endif -%}
/**
 * The model-specific choices for this app, written by {{ cookiecutter.generator }}.
 *
 * <p>{{ cookiecutter._model_summary }}
 *
 * <p>{{ "The TFLite Task Library" if cookiecutter.runtime == "task-library" else "MediaPipe Tasks" }} read{{ "s" }} everything else from the model and
 * its metadata: input size and type, normalization, labels{% if cookiecutter.task == "detect" %} and output layout{% endif %}.
 */
public final class ModelConfig {

    /** Model file in {@code app/src/main/assets}, stored uncompressed so it can be memory-mapped. */
    public static final String MODEL_ASSET = "{{ cookiecutter.model_file }}";

    /** The labels, one per line, as the model's metadata also holds them. */
    public static final String LABELS_ASSET = "{{ cookiecutter.labels_file }}";

    /** The model's name and version, as its metadata records them (shown in the app). */
    public static final String MODEL_NAME = {{ cookiecutter._model_name | tojson }};
    public static final String MODEL_VERSION = {{ cookiecutter._model_version | tojson }};
{{ acceleration_block }}
{%- if cookiecutter.task == "classify" %}

    /** How many categories the app shows. */
    public static final int MAX_RESULTS = {{ cookiecutter.top_k }};
{%- else %}

    /** Detections scoring below this are not shown. */
    public static final double SCORE_THRESHOLD = {{ cookiecutter.score_threshold }};

    /** At most this many boxes, best first. */
    public static final int MAX_RESULTS = {{ cookiecutter.max_results }};

    /** Only these labels are shown; empty shows every label. */
    public static final List<String> LABEL_ALLOWLIST = Collections.unmodifiableList(Arrays.asList(
{%- for label in cookiecutter._label_allowlist.split("\n") if label %}{{ label | tojson }}{% if not loop.last %}, {% endif %}{% endfor -%}
    ));
{%- endif %}

    private ModelConfig() {}
}
{%- else -%}
{% if cookiecutter.task == "detect" or cookiecutter.runtime == "compiled-model" -%}
import java.util.Arrays;
{% endif -%}
{% if cookiecutter.runtime == "compiled-model" -%}
import java.util.Collections;
{% endif -%}
{% if cookiecutter.task == "detect" -%}
import java.util.LinkedHashSet;
{% endif -%}
import java.util.List;

/**
 * The model-specific choices for this app, written by {{ cookiecutter.generator }}.
 *
 * <p>{{ cookiecutter._model_summary }}
 *
 * <p>Tensor shapes, types and quantization are <em>not</em> here: the app reads them from the
 * model at run time. What the model file cannot tell the interpreter lives here: what the input
 * tensor takes (raw or normalized pixels), the channel order, how images are fitted to the input,
{%- if cookiecutter.task == "detect" %} which output
 * holds what and how to read it.
{%- else %} and whether
 * the last layer outputs logits.
{%- endif %} The golden tests check these values against the reference.
 */
public final class ModelConfig {

    /** Model file in {@code app/src/main/assets}, stored uncompressed so it can be memory-mapped. */
    public static final String MODEL_ASSET = "{{ cookiecutter.model_file }}";

    /** One label per line; line i names class index i. */
    public static final String LABELS_ASSET = "{{ cookiecutter.labels_file }}";

    /** The model's name and version, as its metadata records them (shown in the app). */
    public static final String MODEL_NAME = {{ cookiecutter._model_name | tojson }};
    public static final String MODEL_VERSION = {{ cookiecutter._model_version | tojson }};
{{- acceleration_block }}
{%- if cookiecutter.input_values == "normalized" %}

    /** Per-channel {@code (pixel - mean) / std} in the 0..255 pixel domain, in tensor channel order. */
    private static final double[] NORM_MEAN = { {{- cookiecutter.norm_mean.split(",") | map("trim") | join(", ") -}} };
    private static final double[] NORM_STD = { {{- cookiecutter.norm_std.split(",") | map("trim") | join(", ") -}} };
{%- endif %}

{%- if cookiecutter.runtime == "compiled-model" %}

    /**
     * The model's input and outputs (shape, type, quantization) as tflite-scaffold read them: LiteRT's
     * CompiledModel does not report quantization. The JVM tests check them against the golden data.
     */
    public static final TensorSpec INPUT = new TensorSpec({{ cookiecutter._input_spec }});
    public static final List<TensorSpec> OUTPUTS = Collections.unmodifiableList(Arrays.asList(
{%- for output in cookiecutter._output_specs.split("\n") %}
            new TensorSpec({{ output }}){% if not loop.last %},{% endif %}
{%- endfor %}));
{%- endif %}

    public static final ImagePreprocessor.ChannelOrder CHANNEL_ORDER = ImagePreprocessor.ChannelOrder.{{ cookiecutter.channel_order.upper() }};
    public static final ImagePreprocessor.ResizeMode RESIZE_MODE = ImagePreprocessor.ResizeMode.{{ cookiecutter.resize_mode.upper().replace("-", "_") }};
{%- if cookiecutter.task == "classify" %}

    /** How many categories the app shows. */
    public static final int MAX_RESULTS = {{ cookiecutter.top_k }};

    /** True when the model outputs logits, so scores are turned into probabilities with softmax. */
    public static final boolean APPLY_SOFTMAX = {{ "true" if cookiecutter.apply_softmax else "false" }};
{%- else %}

    /** Detections scoring below this are not shown. */
    public static final double SCORE_THRESHOLD = {{ cookiecutter.score_threshold }};

    /** At most this many boxes, best first. */
    public static final int MAX_RESULTS = {{ cookiecutter.max_results }};

    /** Only these labels are shown; empty shows every label. */
    private static final String[] LABEL_ALLOWLIST = {
{%- for label in cookiecutter._label_allowlist.split("\n") if label %}{{ label | tojson }}{% if not loop.last %}, {% endif %}{% endfor -%}
    };

{%- if cookiecutter.detector == "raw" %}

    /** NMS: a box overlapping a better kept box by more than this (IoU) is suppressed. */
    public static final double IOU_THRESHOLD = {{ cookiecutter.iou_threshold }};

    /**
{%- if cookiecutter.nms == "class-agnostic" %}
     * One class per box (its best), suppressed by a better box of any class: what
     * TFLite_Detection_PostProcess does by default. PER_CLASS would keep overlapping boxes of
     * different classes (one object can then be reported under two labels).
{%- else %}
     * Every class of a box above the threshold is a candidate, suppressed only by better boxes
     * of the same class (one object can be reported under two labels). CLASS_AGNOSTIC would
     * keep one class per box, as TFLite_Detection_PostProcess does by default.
{%- endif %}
     */
    public static final DetectionOptions.Nms NMS = DetectionOptions.Nms.{{ cookiecutter.nms.upper().replace("-", "_") }};
{%- endif %}

    public static final DetectionPostprocessor.Kind DETECTOR = DetectionPostprocessor.Kind.{{ cookiecutter.detector.upper() }};

    /**
     * Position of each role among the model's outputs ({{ cookiecutter._role_evidence }}).
     * -1: this kind of detector has no such output.
     */
    public static final int BOXES_OUTPUT = {{ cookiecutter.role_boxes }};
    public static final int CLASSES_OUTPUT = {{ cookiecutter.role_classes }};
    public static final int SCORES_OUTPUT = {{ cookiecutter.role_scores }};
    public static final int COUNT_OUTPUT = {{ cookiecutter.role_count }};
{%- if cookiecutter.detector == "raw" %}

    /** Anchors in {@code assets} (SSD box-coder decoding), or null: the model outputs decoded boxes. */
    public static final String ANCHORS_ASSET = {{ '"' ~ cookiecutter.anchors_file ~ '"' if cookiecutter.anchors_file else "null" }};
    public static final DetectionPostprocessor.BoxFormat BOX_FORMAT = DetectionPostprocessor.BoxFormat.{{ cookiecutter.box_format.upper() }};
    private static final double[] BOX_SCALES = { {{- cookiecutter.box_scales -}} };
    public static final DetectionPostprocessor.ScoreActivation SCORE_ACTIVATION = DetectionPostprocessor.ScoreActivation.{{ cookiecutter.score_activation.upper() }};
    /** True: score column 0 is the background and is ignored. */
    public static final boolean BACKGROUND_COLUMN = {{ "true" if cookiecutter.background_column else "false" }};
{%- if cookiecutter.kept_limit %}

    /**
     * The limits of the TFLite_Detection_PostProcess op this model was cut from, so the app
     * stops where the op stopped: at most KEPT_LIMIT boxes survive NMS, whatever the allowlist
     * then shows{% if cookiecutter.per_class_limit %}, and at most PER_CLASS_LIMIT of one class{% endif %}.
     */
    private static final int KEPT_LIMIT = {{ cookiecutter.kept_limit }};
{%- else %}
    private static final int KEPT_LIMIT = DetectionPostprocessor.NO_LIMIT;
{%- endif %}
    private static final int PER_CLASS_LIMIT = {{ cookiecutter.per_class_limit or "DetectionPostprocessor.NO_LIMIT" }};
{%- endif %}
{%- endif %}

    private ModelConfig() {}
{%- if cookiecutter.input_values == "raw" %}

    /**
     * The preprocessing for the interpreter's input tensor: the uint8 input takes the resized
     * pixels as they are, 0..255, which is how the TFLite Task Library and MediaPipe feed uint8
     * models; its scale and zero-point say what a pixel means to the model.
{%- if cookiecutter._normalization_in_model %} The training
     * normalization ({{ cookiecutter._normalization_in_model }}) was moved into the model when
     * tflite-scaffold quantized it.
{%- else %} (Normalizing with
     * mean/std and re-quantizing would squeeze or shift the pixels the model was validated on.)
{%- endif %}
     */
{%- elif cookiecutter._normalization_in_model %}

    /**
     * The preprocessing for the interpreter's input tensor: pixel values 0..255, quantized with
     * the tensor's scale and zero-point. The training normalization
     * ({{ cookiecutter._normalization_in_model }}) was moved into the model when tflite-scaffold
     * quantized it, so mean 0 / std 1 here.
     */
{%- else %}

    /**
     * The preprocessing this model was trained with, for the interpreter's input tensor:
     * {@code (pixel - mean) / std}, quantized with the tensor's scale and zero-point when it is
     * an integer tensor.
     */
{%- endif %}
    public static ImagePreprocessor newPreprocessor(TensorSpec input) {
{%- if cookiecutter.input_values == "raw" %}
        return ImagePreprocessor.raw(input, CHANNEL_ORDER, RESIZE_MODE);
{%- else %}
        return ImagePreprocessor.normalized(input, NORM_MEAN, NORM_STD, CHANNEL_ORDER, RESIZE_MODE);
{%- endif %}
    }
{%- if cookiecutter.task == "classify" %}

    /** Top-{@link #MAX_RESULTS} post-processing for the interpreter's output tensor. */
    public static ClassificationPostprocessor newPostprocessor(TensorSpec output, List<String> labels) {
        return new ClassificationPostprocessor(output, labels, APPLY_SOFTMAX, MAX_RESULTS);
    }
{%- else %}

    /** The options the app filters detections with. */
    public static DetectionOptions detectionOptions() {
{%- if cookiecutter.detector == "raw" %}
        return new DetectionOptions(
                SCORE_THRESHOLD, MAX_RESULTS, new LinkedHashSet<>(Arrays.asList(LABEL_ALLOWLIST)), IOU_THRESHOLD, NMS);
{%- else %}
        // The model's TFLite_Detection_PostProcess op has already suppressed overlapping boxes.
        return new DetectionOptions(SCORE_THRESHOLD, MAX_RESULTS, new LinkedHashSet<>(Arrays.asList(LABEL_ALLOWLIST)));
{%- endif %}
    }

    /**
     * Reads the interpreter's output tensors (in the model's order) with this model's roles.
{%- if cookiecutter.detector == "raw" %}
     *
     * @param anchors contents of {@link #ANCHORS_ASSET}, or null when there is none
{%- endif %}
     */
    public static DetectionPostprocessor newPostprocessor(List<TensorSpec> outputs, List<String> labels
{%- if cookiecutter.detector == "raw" %}, float[] anchors{% endif %}) {
        DetectionPostprocessor.Roles roles =
                new DetectionPostprocessor.Roles(BOXES_OUTPUT, CLASSES_OUTPUT, SCORES_OUTPUT, COUNT_OUTPUT);
{%- if cookiecutter.detector == "raw" %}
        DetectionPostprocessor.RawDecoding decoding = new DetectionPostprocessor.RawDecoding(
                BOX_FORMAT, anchors, BOX_SCALES, SCORE_ACTIVATION, BACKGROUND_COLUMN, KEPT_LIMIT, PER_CLASS_LIMIT);
        return new DetectionPostprocessor(DETECTOR, outputs, roles, labels, decoding);
{%- else %}
        return new DetectionPostprocessor(DETECTOR, outputs, roles, labels, null);
{%- endif %}
    }
{%- endif %}
}
{%- endif %}
