package org.tensorflow.lite.gpu;

import java.io.Closeable;

/**
 * LiteRT 1.4.x, artifact litert-gpu (also org.tensorflow:tensorflow-lite-gpu). close() declares
 * no IOException; isDelegateSupportedOnThisDevice() throws IllegalStateException once closed.
 */
public class CompatibilityList implements Closeable {
    public CompatibilityList() {
        throw new RuntimeException("stub");
    }

    public boolean isDelegateSupportedOnThisDevice() {
        throw new RuntimeException("stub");
    }

    /** Returns the deprecated GpuDelegate.Options type (always a fresh default instance). */
    public GpuDelegate.Options getBestOptionsForThisDevice() {
        throw new RuntimeException("stub");
    }

    @Override
    public void close() {
        throw new RuntimeException("stub");
    }
}
