package org.tensorflow.lite;

import java.io.Closeable;

/**
 * LiteRT 1.4.x (litert-api): an interface extending Closeable whose close() is a default method
 * that declares no IOException. Absent from the LiteRT 2.x packages, whose Interpreter has no
 * delegates.
 */
public interface Delegate extends Closeable {
    long getNativeHandle();

    @Override
    default void close() {
        throw new RuntimeException("stub");
    }
}
