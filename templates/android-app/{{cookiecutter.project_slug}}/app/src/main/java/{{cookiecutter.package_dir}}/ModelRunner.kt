{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }}

import android.content.Context
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.Labels
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.TensorSpec
import java.io.Closeable
import java.io.FileInputStream
import java.nio.ByteBuffer
import java.nio.MappedByteBuffer
import java.nio.channels.FileChannel
import org.tensorflow.lite.DataType
import org.tensorflow.lite.Interpreter
import org.tensorflow.lite.Tensor
{%- if gpu %}
import org.tensorflow.lite.gpu.CompatibilityList
import org.tensorflow.lite.gpu.GpuDelegate
{%- endif %}

/**
 * The bundled model in a LiteRT [Interpreter]: runs one input buffer into the output buffers and
 * describes its tensors for the pure-Java `ml` core.
 *
 * Not thread-safe, like the Interpreter itself: one thread builds, runs and closes it.
 */
class ModelRunner private constructor(
    private val interpreter: Interpreter,
{%- if gpu %}
    private val gpu: GpuDelegate?,
{%- endif %}
    /** The input tensor's shape, type and quantization, as the interpreter reports them. */
    val input: TensorSpec,
    /** The output tensors, in the model's order. */
    val outputs: List<TensorSpec>,
) : Closeable {

    private val inputs = arrayOfNulls<Any>(1)
    private val outputMap = HashMap<Int, Any>()

    /** Runs the model once: [input] in, each of [outputs] filled (buffers are rewound first). */
    fun run(input: ByteBuffer, outputs: Array<ByteBuffer>) {
        input.rewind()
        inputs[0] = input
        for (i in outputs.indices) {
            outputs[i].rewind()
            outputMap[i] = outputs[i]
        }
        interpreter.runForMultipleInputsOutputs(inputs, outputMap)
    }

{%- if gpu %}
    /**
     * One run on a blank input: a GPU delegate compiles its programs here, and a delegate that
     * accepts the graph but fails to run it fails now, where the CPU can still take over, not on
     * the first camera frame. It also keeps that slow first run out of the latency readout.
     */
    private fun warmUp() {
        run(input.allocateBuffer(), outputs.map { it.allocateBuffer() }.toTypedArray())
    }

{%- endif %}
    override fun close() {
        interpreter.close()
{%- if gpu %}
        gpu?.close() // after the interpreter that uses it
{%- endif %}
    }

    companion object {
        /**
         * Loads [ModelConfig.MODEL_ASSET] (memory-mapped) on [requested]'s backend.
{%- if gpu %}
         * The GPU delegate is used only on devices on its compatibility list, with the options
         * that list recommends; where it cannot be used, or refuses the model, the CPU (XNNPACK)
         * runs it and the returned acceleration says why.
{%- endif %}
         *
         * @throws Exception with a readable message when the model cannot be loaded at all.
         */
        fun open(context: Context, requested: Acceleration): OnBackend<ModelRunner> {
            val model = loadModel(context, ModelConfig.MODEL_ASSET)
{%- if gpu %}
            return Backends.build(requested, Backends::compatibilityProblem) { useGpu ->
                build(model, requested.threads(), useGpu).also { runner -> if (useGpu) runner.warmUpOrClose() }
            }
{%- else %}
            return OnBackend(build(model, requested.threads()), requested)
{%- endif %}
        }

{%- if gpu %}
        private fun ModelRunner.warmUpOrClose() {
            try {
                warmUp()
            } catch (e: Exception) {
                close()
                throw e
            }
        }

{%- endif %}
        /** The labels the app ships, one per class index. */
        fun labels(context: Context): List<String> =
            context.assets.open(ModelConfig.LABELS_ASSET).use { Labels.read(it) }

        /** An interpreter on [threads] CPU threads (XNNPACK){% if gpu %}, with the GPU delegate when [useGpu] (the threads serve what it leaves to the CPU){% endif %}. */
        private fun build(model: ByteBuffer, threads: Int{% if gpu %}, useGpu: Boolean{% endif %}): ModelRunner {
            val options = Interpreter.Options().setNumThreads(threads).setUseXNNPACK(true)
{%- if gpu %}
            val gpu = if (useGpu) CompatibilityList().use { GpuDelegate(it.bestOptionsForThisDevice) } else null
            gpu?.let { options.addDelegate(it) }
{%- endif %}
            var interpreter: Interpreter? = null
            try {
                interpreter = Interpreter(model, options)
                require(interpreter.inputTensorCount == 1) { "expected a model with 1 input, it has ${interpreter.inputTensorCount}" }
                val outputs = (0 until interpreter.outputTensorCount).map { spec(interpreter.getOutputTensor(it)) }
                return ModelRunner(interpreter, {% if gpu %}gpu, {% endif %}spec(interpreter.getInputTensor(0)), outputs)
            } catch (e: Exception) {
                interpreter?.close()
{%- if gpu %}
                gpu?.close()
{%- endif %}
                throw e
            }
        }

        /** Maps the asset straight from the APK; works because build.gradle.kts keeps .tflite uncompressed. */
        private fun loadModel(context: Context, assetName: String): MappedByteBuffer =
            context.assets.openFd(assetName).use { descriptor ->
                FileInputStream(descriptor.fileDescriptor).use { stream ->
                    stream.channel.map(FileChannel.MapMode.READ_ONLY, descriptor.startOffset, descriptor.declaredLength)
                }
            }

        /** Shape, type and quantization as the interpreter reports them, for the pure-Java ml core. */
        private fun spec(tensor: Tensor): TensorSpec {
            val type = when (tensor.dataType()) {
                DataType.FLOAT32 -> TensorSpec.DataType.FLOAT32
                DataType.UINT8 -> TensorSpec.DataType.UINT8
                DataType.INT8 -> TensorSpec.DataType.INT8
                else -> throw IllegalArgumentException("tensor ${tensor.name()} has unsupported type ${tensor.dataType()}")
            }
            val quantization = tensor.quantizationParams()
            return TensorSpec(tensor.shape(), type, quantization.scale, quantization.zeroPoint)
        }
    }
}
