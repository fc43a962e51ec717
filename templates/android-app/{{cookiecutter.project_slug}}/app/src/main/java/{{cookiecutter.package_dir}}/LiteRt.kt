package {{ cookiecutter.package_name }}

import android.content.Context
import {{ cookiecutter.package_name }}.ml.Labels
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.TensorSpec
import java.io.FileInputStream
import java.nio.MappedByteBuffer
import java.nio.channels.FileChannel
import org.tensorflow.lite.DataType
import org.tensorflow.lite.Interpreter
import org.tensorflow.lite.Tensor

/** What the model helper needs from LiteRT and the assets: an interpreter for the bundled model, its labels, and tensor descriptions for the ml core. */
internal object LiteRt {

    /** An interpreter for [ModelConfig.MODEL_ASSET] on [numThreads] CPU threads with XNNPACK. */
    fun interpreter(context: Context, numThreads: Int): Interpreter {
        val options = Interpreter.Options()
            .setNumThreads(numThreads)
            .setUseXNNPACK(true)
        return Interpreter(loadModel(context, ModelConfig.MODEL_ASSET), options)
    }

    /** The labels the app ships, one per class index. */
    fun labels(context: Context): List<String> =
        context.assets.open(ModelConfig.LABELS_ASSET).use { Labels.read(it) }

    /** Maps the asset straight from the APK; works because build.gradle.kts keeps .tflite uncompressed. */
    private fun loadModel(context: Context, assetName: String): MappedByteBuffer =
        context.assets.openFd(assetName).use { descriptor ->
            FileInputStream(descriptor.fileDescriptor).use { stream ->
                stream.channel.map(FileChannel.MapMode.READ_ONLY, descriptor.startOffset, descriptor.declaredLength)
            }
        }

    /** Shape, type and quantization as the interpreter reports them, for the pure-Java ml core. */
    fun spec(tensor: Tensor): TensorSpec {
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
