package org.tensorflow.lite;

import java.nio.ByteBuffer;

public interface Tensor {
    DataType dataType();

    int numDimensions();

    int numBytes();

    int numElements();

    int[] shape();

    int[] shapeSignature();

    int index();

    String name();

    QuantizationParams quantizationParams();

    ByteBuffer asReadOnlyBuffer();

    class QuantizationParams {
        public QuantizationParams(final float scale, final int zeroPoint) {
            throw new RuntimeException("stub");
        }

        public float getScale() {
            throw new RuntimeException("stub");
        }

        public int getZeroPoint() {
            throw new RuntimeException("stub");
        }
    }
}
