package {{ cookiecutter.package_name }}.ml;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Shape, element type and quantization of one model tensor.
 *
 * <p>The app builds this from the LiteRT {@code Tensor} at run time, so a model swapped for one
 * with another input size or type keeps working; the golden tests build it from the values
 * tflite-scaffold read from the model. {@code scale == 0} means "not quantized".
 */
public final class TensorSpec {

    /** Element types the preprocessing and post-processing support. */
    public enum DataType {
        FLOAT32(4),
        UINT8(1),
        INT8(1);

        private final int byteSize;

        DataType(int byteSize) {
            this.byteSize = byteSize;
        }

        public int byteSize() {
            return byteSize;
        }
    }

    private final int[] shape;
    private final DataType dataType;
    private final float scale;
    private final int zeroPoint;

    public TensorSpec(int[] shape, DataType dataType, float scale, int zeroPoint) {
        this.shape = shape.clone();
        this.dataType = dataType;
        this.scale = scale;
        this.zeroPoint = zeroPoint;
    }

    public int[] shape() {
        return shape.clone();
    }

    public DataType dataType() {
        return dataType;
    }

    public float scale() {
        return scale;
    }

    public int zeroPoint() {
        return zeroPoint;
    }

    public boolean isQuantized() {
        return scale != 0f;
    }

    public int numElements() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public int numBytes() {
        return numElements() * dataType.byteSize();
    }

    /**
     * Every element of {@code buffer} (read from index 0, in the buffer's byte order) as a real
     * value: float32 as is, uint8/int8 as {@code (q - zeroPoint) * scale} (or {@code q - zeroPoint}
     * when the tensor has no quantization parameters).
     */
    public double[] dequantize(ByteBuffer buffer) {
        return dequantize(buffer, new double[numElements()]);
    }

    /** As {@link #dequantize(ByteBuffer)}, into {@code values} (at least {@link #numElements()} long), which is returned. */
    public double[] dequantize(ByteBuffer buffer, double[] values) {
        int n = numElements();
        for (int i = 0; i < n; i++) {
            switch (dataType) {
                case FLOAT32:
                    values[i] = buffer.getFloat(4 * i);
                    break;
                case UINT8:
                    values[i] = scaled(buffer.get(i) & 0xFF);
                    break;
                default: // INT8
                    values[i] = scaled(buffer.get(i));
                    break;
            }
        }
        return values;
    }

    private double scaled(int q) {
        double centred = q - zeroPoint;
        return isQuantized() ? centred * scale : centred;
    }

    /** A direct buffer in native byte order, which is what the LiteRT Interpreter requires. */
    public ByteBuffer allocateBuffer() {
        return ByteBuffer.allocateDirect(numBytes()).order(ByteOrder.nativeOrder());
    }

    @Override
    public String toString() {
        return dataType + Arrays.toString(shape)
                + (isQuantized() ? " scale=" + scale + " zeroPoint=" + zeroPoint : "");
    }
}
