package org.tensorflow.lite;

public enum DataType {
    FLOAT32(1),
    INT32(2),
    UINT8(3),
    INT64(4),
    STRING(5),
    BOOL(6),
    INT16(7),
    INT8(9);

    DataType(int value) {
    }

    public int byteSize() {
        throw new RuntimeException("stub");
    }
}
