{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }};

import android.content.Context;
{%- if gpu %}

import androidx.annotation.Nullable;
{%- endif %}

import com.google.ai.edge.litert.Accelerator;
import com.google.ai.edge.litert.CompiledModel;
{%- if gpu %}
import com.google.ai.edge.litert.Environment;
{%- endif %}
import com.google.ai.edge.litert.LiteRtException;
import com.google.ai.edge.litert.TensorBuffer;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.Labels;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.TensorSpec;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The bundled model as a LiteRT {@link CompiledModel}: runs one input buffer into the output
 * buffers for the pure-Java {@code ml} core. The compiled model does not report quantization, so
 * the tensor descriptions are the ones tflite-scaffold read from this model
 * ({@link ModelConfig#INPUT}, {@link ModelConfig#OUTPUTS}; the JVM tests check them against the
 * golden data).
 *
 * <p>Not thread-safe: one thread builds, runs and closes it.
 */
final class ModelRunner implements Closeable {

    private final CompiledModel model;
{%- if gpu %}
    @Nullable private final Environment environment;
{%- endif %}
    private final List<TensorBuffer> inputBuffers;
    private final List<TensorBuffer> outputBuffers;
    private final TensorSpec input = ModelConfig.INPUT;
    private final List<TensorSpec> outputs = ModelConfig.OUTPUTS;
    private final float[] floats;
    private final byte[] bytes;

    private ModelRunner(CompiledModel model{% if gpu %}, @Nullable Environment environment{% endif %}) throws LiteRtException {
        this.model = model;
{%- if gpu %}
        this.environment = environment;
{%- endif %}
        this.inputBuffers = model.createInputBuffers();
        this.outputBuffers = model.createOutputBuffers();
        boolean floatInput = input.dataType() == TensorSpec.DataType.FLOAT32;
        this.floats = new float[floatInput ? input.numElements() : 0];
        this.bytes = new byte[floatInput ? 0 : input.numElements()];
    }

    /**
     * Compiles {@link ModelConfig#MODEL_ASSET} for {@code requested}'s backend.
{%- if gpu %}
     * For the GPU, LiteRT is given the GPU then the CPU, and places on the CPU what the GPU cannot
     * run; a device whose LiteRT finds no GPU, or a GPU that fails to compile the model, gives the
     * CPU, and the returned acceleration says why.
{%- endif %}
     *
     * @throws IllegalStateException with a readable message when the model cannot be compiled
     */
    static Backends.OnBackend<ModelRunner> open(Context context, Acceleration requested) throws IOException {
{%- if gpu %}
        return Backends.build(requested, () -> gpuProblem(context), useGpu -> compile(context, requested.threads(), useGpu));
{%- else %}
        return new Backends.OnBackend<>(compile(context, requested.threads()), requested);
{%- endif %}
    }

    /** The labels the app ships, one per class index. */
    static List<String> labels(Context context) throws IOException {
        try (InputStream in = context.getAssets().open(ModelConfig.LABELS_ASSET)) {
            return Labels.read(in);
        }
    }

    /** The input tensor's shape, type and quantization. */
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
        try {
            if (input.dataType() == TensorSpec.DataType.FLOAT32) {
                in.asFloatBuffer().get(floats);
                inputBuffers.get(0).writeFloat(floats);
            } else {
                in.get(bytes);
                inputBuffers.get(0).writeInt8(bytes);
            }
            model.run(inputBuffers, outputBuffers);
            for (int i = 0; i < out.length; i++) {
                out[i].rewind();
                if (outputs.get(i).dataType() == TensorSpec.DataType.FLOAT32) {
                    out[i].asFloatBuffer().put(outputBuffers.get(i).readFloat());
                } else {
                    out[i].put(outputBuffers.get(i).readInt8());
                    out[i].rewind();
                }
            }
        } catch (LiteRtException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (TensorBuffer buffer : inputBuffers) {
            buffer.close();
        }
        for (TensorBuffer buffer : outputBuffers) {
            buffer.close();
        }
        model.close();
{%- if gpu %}
        if (environment != null) {
            environment.close();
        }
{%- endif %}
    }

    /** The model on {@code threads} CPU threads (XNNPACK){% if gpu %}, or on the GPU first when {@code useGpu}{% endif %}. */
    private static ModelRunner compile(Context context, int threads{% if gpu %}, boolean useGpu{% endif %}) {
{%- if gpu %}
        CompiledModel.Options options = useGpu
                ? new CompiledModel.Options(Accelerator.GPU, Accelerator.CPU)
                : new CompiledModel.Options(Accelerator.CPU);
{%- else %}
        CompiledModel.Options options = new CompiledModel.Options(Accelerator.CPU);
{%- endif %}
        options.setCpuOptions(new CompiledModel.CpuOptions(threads, null, null));
{%- if gpu %}
        Environment environment = null;
        CompiledModel model = null;
        ModelRunner runner = null;
        try {
            environment = useGpu ? Environment.create(context) : null;
            model = CompiledModel.create(context.getAssets(), ModelConfig.MODEL_ASSET, options, environment);
            runner = new ModelRunner(model, environment);
            if (useGpu) {
                // One run on a blank input: the GPU compiles its programs here, and a GPU that
                // fails to run the model fails now, where the CPU can still take over.
                ByteBuffer[] out = new ByteBuffer[runner.outputs.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = runner.outputs.get(i).allocateBuffer();
                }
                runner.run(runner.input.allocateBuffer(), out);
            }
            return runner;
        } catch (LiteRtException | RuntimeException e) {
            if (runner != null) {
                runner.close();
            } else {
                if (model != null) {
                    model.close();
                }
                if (environment != null) {
                    environment.close();
                }
            }
            throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e.getMessage(), e);
        }
{%- else %}
        CompiledModel model = null;
        try {
            model = CompiledModel.create(context.getAssets(), ModelConfig.MODEL_ASSET, options);
            return new ModelRunner(model);
        } catch (LiteRtException e) {
            if (model != null) {
                model.close();
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
{%- endif %}
    }
{%- if gpu %}

    /** Why the GPU cannot be asked for: LiteRT finds no GPU accelerator on this device. */
    @Nullable
    private static String gpuProblem(Context context) {
        try (Environment environment = Environment.create(context)) {
            return environment.getAvailableAccelerators().contains(Accelerator.GPU)
                    ? null
                    : "LiteRT finds no GPU accelerator on this device";
        } catch (LiteRtException e) {
            return e.getMessage();
        }
    }
{%- endif %}
}
