package org.tensorflow.lite.gpu;

import org.tensorflow.lite.Delegate;

/**
 * LiteRT 1.4.x, artifact litert-gpu. Both constructors load libtensorflowlite_gpu_jni.so (an
 * UnsatisfiedLinkError if it is missing) and create the native delegate; a GPU that cannot run
 * the model only fails later, in new Interpreter(...).
 */
public class GpuDelegate implements Delegate {
    public GpuDelegate(GpuDelegateFactory.Options options) {
        throw new RuntimeException("stub");
    }

    public GpuDelegate() {
        throw new RuntimeException("stub");
    }

    /** Kept for compatibility; CompatibilityList.getBestOptionsForThisDevice() still returns it. */
    @Deprecated
    public static class Options extends GpuDelegateFactory.Options {
        public Options() {
            throw new RuntimeException("stub");
        }
    }

    @Override
    public long getNativeHandle() {
        throw new RuntimeException("stub");
    }

    @Override
    public void close() {
        throw new RuntimeException("stub");
    }
}
