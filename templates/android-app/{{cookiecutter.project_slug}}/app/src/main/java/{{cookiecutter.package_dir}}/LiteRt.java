package {{ cookiecutter.package_name }};

import android.content.Context;
import android.content.res.AssetFileDescriptor;

import {{ cookiecutter.package_name }}.ml.Labels;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.TensorSpec;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

/** What the model helper needs from LiteRT and the assets: an interpreter for the bundled model, its labels, and tensor descriptions for the ml core. */
final class LiteRt {

    private LiteRt() {}

    /** An interpreter for {@link ModelConfig#MODEL_ASSET} on {@code numThreads} CPU threads with XNNPACK. */
    static Interpreter interpreter(Context context, int numThreads) throws IOException {
        Interpreter.Options options = new Interpreter.Options()
                .setNumThreads(numThreads)
                .setUseXNNPACK(true);
        return new Interpreter(loadModel(context, ModelConfig.MODEL_ASSET), options);
    }

    /** The labels the app ships, one per class index. */
    static List<String> labels(Context context) throws IOException {
        try (InputStream in = context.getAssets().open(ModelConfig.LABELS_ASSET)) {
            return Labels.read(in);
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
    static TensorSpec spec(Tensor tensor) {
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
