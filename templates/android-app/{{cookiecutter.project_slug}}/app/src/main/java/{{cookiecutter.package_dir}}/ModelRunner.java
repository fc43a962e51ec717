{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }};

import android.content.Context;
import android.content.res.AssetFileDescriptor;
{%- if gpu %}

import androidx.annotation.Nullable;
{%- endif %}

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Labels;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.TensorSpec;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.lite.DataType;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;
{%- if gpu %}
import org.tensorflow.lite.gpu.CompatibilityList;
import org.tensorflow.lite.gpu.GpuDelegate;
{%- endif %}

/**
 * The bundled model in a LiteRT {@link Interpreter}: runs one input buffer into the output buffers
 * and describes its tensors for the pure-Java {@code ml} core.
 *
 * <p>Not thread-safe, like the Interpreter itself: one thread builds, runs and closes it.
 */
final class ModelRunner implements Closeable {

    private final Interpreter interpreter;
{%- if gpu %}
    @Nullable private final GpuDelegate gpu;
{%- endif %}
    private final TensorSpec input;
    private final List<TensorSpec> outputs;
    private final Object[] inputs = new Object[1];
    private final Map<Integer, Object> outputMap = new HashMap<>();

    private ModelRunner(Interpreter interpreter, {% if gpu %}@Nullable GpuDelegate gpu, {% endif %}TensorSpec input, List<TensorSpec> outputs) {
        this.interpreter = interpreter;
{%- if gpu %}
        this.gpu = gpu;
{%- endif %}
        this.input = input;
        this.outputs = outputs;
    }

    /**
     * Loads {@link ModelConfig#MODEL_ASSET} (memory-mapped) on {@code requested}'s backend.
{%- if gpu %}
     * The GPU delegate is used only on devices on its compatibility list, with the options that
     * list recommends; where it cannot be used, or refuses the model, the CPU (XNNPACK) runs it
     * and the returned acceleration says why.
{%- endif %}
     *
     * @throws IOException when the model cannot be read
     * @throws IllegalArgumentException with a readable message when the model cannot be used
     */
    static Backends.OnBackend<ModelRunner> open(Context context, Acceleration requested) throws IOException {
        MappedByteBuffer model = loadModel(context, ModelConfig.MODEL_ASSET);
{%- if gpu %}
        return Backends.build(requested, Backends::compatibilityProblem, useGpu -> {
            ModelRunner runner = build(model, requested.threads(), useGpu);
            if (useGpu) {
                runner.warmUpOrClose();
            }
            return runner;
        });
{%- else %}
        return new Backends.OnBackend<>(build(model, requested.threads()), requested);
{%- endif %}
    }

    /** The labels the app ships, one per class index. */
    static List<String> labels(Context context) throws IOException {
        try (InputStream in = context.getAssets().open(ModelConfig.LABELS_ASSET)) {
            return Labels.read(in);
        }
    }

    /** The input tensor's shape, type and quantization, as the interpreter reports them. */
    TensorSpec input() {
        return input;
    }

    /** The output tensors, in the model's order. */
    List<TensorSpec> outputs() {
        return outputs;
    }

    /** Runs the model once: {@code in} in, each of {@code out} filled (buffers are rewound first). */
    void run(ByteBuffer in, ByteBuffer[] out) {
        in.rewind();
        inputs[0] = in;
        for (int i = 0; i < out.length; i++) {
            out[i].rewind();
            outputMap.put(i, out[i]);
        }
        interpreter.runForMultipleInputsOutputs(inputs, outputMap);
    }

{%- if gpu %}
    /**
     * One run on a blank input: a GPU delegate compiles its programs here, and a delegate that
     * accepts the graph but fails to run it fails now, where the CPU can still take over, not on
     * the first camera frame. It also keeps that slow first run out of the latency readout.
     */
    private void warmUp() {
        ByteBuffer[] out = new ByteBuffer[outputs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = outputs.get(i).allocateBuffer();
        }
        run(input.allocateBuffer(), out);
    }

    private void warmUpOrClose() {
        try {
            warmUp();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }
{%- endif %}

    @Override
    public void close() {
        interpreter.close();
{%- if gpu %}
        if (gpu != null) {
            gpu.close(); // after the interpreter that uses it
        }
{%- endif %}
    }

    /** An interpreter on {@code threads} CPU threads (XNNPACK){% if gpu %}, with the GPU delegate when {@code useGpu} (the threads serve what it leaves to the CPU){% endif %}. */
    private static ModelRunner build(ByteBuffer model, int threads{% if gpu %}, boolean useGpu{% endif %}) {
        Interpreter.Options options = new Interpreter.Options().setNumThreads(threads).setUseXNNPACK(true);
{%- if gpu %}
        GpuDelegate gpu = null;
        if (useGpu) {
            try (CompatibilityList compatibility = new CompatibilityList()) {
                gpu = new GpuDelegate(compatibility.getBestOptionsForThisDevice());
            }
            options.addDelegate(gpu);
        }
{%- endif %}
        Interpreter interpreter = null;
        try {
            interpreter = new Interpreter(model, options);
            if (interpreter.getInputTensorCount() != 1) {
                throw new IllegalArgumentException(
                        "expected a model with 1 input, it has " + interpreter.getInputTensorCount());
            }
            List<TensorSpec> outputs = new ArrayList<>();
            for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
                outputs.add(spec(interpreter.getOutputTensor(i)));
            }
            return new ModelRunner(interpreter, {% if gpu %}gpu, {% endif %}spec(interpreter.getInputTensor(0)),
                    Collections.unmodifiableList(outputs));
        } catch (RuntimeException e) {
            if (interpreter != null) {
                interpreter.close();
            }
{%- if gpu %}
            if (gpu != null) {
                gpu.close();
            }
{%- endif %}
            throw e;
        }
    }

    /** Maps the asset straight from the APK; works because build.gradle.kts keeps .tflite uncompressed. */
    private static MappedByteBuffer loadModel(Context context, String assetName) throws IOException {
        try (AssetFileDescriptor descriptor = context.getAssets().openFd(assetName);
             FileInputStream stream = new FileInputStream(descriptor.getFileDescriptor())) {
            return stream.getChannel().map(FileChannel.MapMode.READ_ONLY,
                    descriptor.getStartOffset(), descriptor.getDeclaredLength());
        }
    }

    /** Shape, type and quantization as the interpreter reports them, for the pure-Java ml core. */
    private static TensorSpec spec(Tensor tensor) {
        TensorSpec.DataType type;
        switch (tensor.dataType()) {
            case FLOAT32:
                type = TensorSpec.DataType.FLOAT32;
                break;
            case UINT8:
                type = TensorSpec.DataType.UINT8;
                break;
            case INT8:
                type = TensorSpec.DataType.INT8;
                break;
            default:
                throw new IllegalArgumentException(
                        "tensor " + tensor.name() + " has unsupported type " + tensor.dataType());
        }
        Tensor.QuantizationParams quantization = tensor.quantizationParams();
        return new TensorSpec(tensor.shape(), type, quantization.getScale(), quantization.getZeroPoint());
    }
}
