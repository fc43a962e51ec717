{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }}

import android.content.Context
import com.google.ai.edge.litert.Accelerator
import com.google.ai.edge.litert.CompiledModel
{%- if gpu %}
import com.google.ai.edge.litert.Environment
{%- endif %}
import com.google.ai.edge.litert.TensorBuffer
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Labels
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.TensorSpec
import java.io.Closeable
import java.nio.ByteBuffer

/**
 * The bundled model as a LiteRT [CompiledModel]: runs one input buffer into the output buffers
 * for the pure-Java `ml` core. The compiled model does not report quantization, so the tensor
 * descriptions are the ones tflite-scaffold read from this model ([ModelConfig.INPUT],
 * [ModelConfig.OUTPUTS]; the JVM tests check them against the golden data).
 *
 * Not thread-safe: one thread builds, runs and closes it.
 */
class ModelRunner private constructor(
    private val model: CompiledModel,
{%- if gpu %}
    private val environment: Environment?,
{%- endif %}
) : Closeable {

    /** The input tensor's shape, type and quantization. */
    val input: TensorSpec = ModelConfig.INPUT

    /** The output tensors, in the model's order. */
    val outputs: List<TensorSpec> = ModelConfig.OUTPUTS

    private val inputBuffers: List<TensorBuffer> = model.createInputBuffers()
    private val outputBuffers: List<TensorBuffer> = model.createOutputBuffers()
    private val floats = FloatArray(if (input.dataType() == TensorSpec.DataType.FLOAT32) input.numElements() else 0)
    private val bytes = ByteArray(if (input.dataType() == TensorSpec.DataType.FLOAT32) 0 else input.numElements())

    /** Runs the model once: [input] in, each of [outputs] filled (buffers are rewound first). */
    fun run(input: ByteBuffer, outputs: Array<ByteBuffer>) {
        input.rewind()
        if (this.input.dataType() == TensorSpec.DataType.FLOAT32) {
            input.asFloatBuffer().get(floats)
            inputBuffers[0].writeFloat(floats)
        } else {
            input.get(bytes)
            inputBuffers[0].writeInt8(bytes)
        }
        model.run(inputBuffers, outputBuffers)
        for (i in outputs.indices) {
            val out = outputs[i]
            out.rewind()
            if (this.outputs[i].dataType() == TensorSpec.DataType.FLOAT32) {
                out.asFloatBuffer().put(outputBuffers[i].readFloat())
            } else {
                out.put(outputBuffers[i].readInt8())
                out.rewind()
            }
        }
    }

    override fun close() {
        inputBuffers.forEach { it.close() }
        outputBuffers.forEach { it.close() }
        model.close()
{%- if gpu %}
        environment?.close()
{%- endif %}
    }

    companion object {
        /**
         * Compiles [ModelConfig.MODEL_ASSET] for [requested]'s backend.
{%- if gpu %}
         * For the GPU, LiteRT is given the GPU then the CPU, and places on the CPU what the GPU
         * cannot run; a device whose LiteRT finds no GPU, or a GPU that fails to compile the
         * model, gives the CPU, and the returned acceleration says why.
{%- endif %}
         *
         * @throws Exception with a readable message when the model cannot be compiled at all.
         */
        fun open(context: Context, requested: Acceleration): OnBackend<ModelRunner> {
{%- if gpu %}
            return Backends.build(requested, { gpuProblem(context) }) { useGpu -> compile(context, requested.threads(), useGpu) }
{%- else %}
            return OnBackend(compile(context, requested.threads()), requested)
{%- endif %}
        }

        /** The labels the app ships, one per class index. */
        fun labels(context: Context): List<String> =
            context.assets.open(ModelConfig.LABELS_ASSET).use { Labels.read(it) }

        /** The model on [threads] CPU threads (XNNPACK){% if gpu %}, or on the GPU first when [useGpu]{% endif %}. */
        private fun compile(context: Context, threads: Int{% if gpu %}, useGpu: Boolean{% endif %}): ModelRunner {
{%- if gpu %}
            val options = if (useGpu) CompiledModel.Options(Accelerator.GPU, Accelerator.CPU) else CompiledModel.Options(Accelerator.CPU)
            options.cpuOptions = CompiledModel.CpuOptions(numThreads = threads)
            val environment = if (useGpu) Environment.create(context) else null
            var model: CompiledModel? = null
            var runner: ModelRunner? = null
            try {
                model = CompiledModel.create(context.assets, ModelConfig.MODEL_ASSET, options, environment)
                runner = ModelRunner(model, environment)
                // One run on a blank input: the GPU compiles its programs here, and a GPU that
                // fails to run the model fails now, where the CPU can still take over.
                if (useGpu) runner.run(runner.input.allocateBuffer(), runner.outputs.map { it.allocateBuffer() }.toTypedArray())
                return runner
            } catch (e: Exception) {
                if (runner != null) runner.close() else model?.close()
                if (runner == null) environment?.close()
                throw e
            }
{%- else %}
            val options = CompiledModel.Options(Accelerator.CPU)
            options.cpuOptions = CompiledModel.CpuOptions(numThreads = threads)
            val model = CompiledModel.create(context.assets, ModelConfig.MODEL_ASSET, options)
            try {
                return ModelRunner(model)
            } catch (e: Exception) {
                model.close()
                throw e
            }
{%- endif %}
        }
{%- if gpu %}

        /** Why the GPU cannot be asked for: LiteRT finds no GPU accelerator on this device. */
        private fun gpuProblem(context: Context): String? = Environment.create(context).use { environment ->
            if (Accelerator.GPU in environment.getAvailableAccelerators()) null else "LiteRT finds no GPU accelerator on this device"
        }
{%- endif %}
    }
}
