package org.tensorflow.lite.gpu;

/**
 * LiteRT 1.4.x, artifact litert-gpu-api. The real class also implements
 * org.tensorflow.lite.DelegateFactory (create(RuntimeFlavor)); that interface is not stubbed, so
 * it is left out here.
 */
public class GpuDelegateFactory {

    /** Delegate options. Every setter returns GpuDelegateFactory.Options. */
    public static class Options {
        public Options() {
            throw new RuntimeException("stub");
        }

        public static final int INFERENCE_PREFERENCE_FAST_SINGLE_ANSWER = 0;

        public static final int INFERENCE_PREFERENCE_SUSTAINED_SPEED = 1;

        public enum GpuBackend {
            UNSET(0),
            OPENCL(1),
            OPENGL(2);

            GpuBackend(int value) {
                throw new RuntimeException("stub");
            }

            public int value() {
                throw new RuntimeException("stub");
            }
        }

        public Options setPrecisionLossAllowed(boolean precisionLossAllowed) {
            throw new RuntimeException("stub");
        }

        public Options setQuantizedModelsAllowed(boolean quantizedModelsAllowed) {
            throw new RuntimeException("stub");
        }

        public Options setInferencePreference(int preference) {
            throw new RuntimeException("stub");
        }

        public Options setSerializationParams(String serializationDir, String modelToken) {
            throw new RuntimeException("stub");
        }

        public Options setForceBackend(GpuBackend forceBackend) {
            throw new RuntimeException("stub");
        }

        public boolean isPrecisionLossAllowed() {
            throw new RuntimeException("stub");
        }

        public boolean areQuantizedModelsAllowed() {
            throw new RuntimeException("stub");
        }

        public int getInferencePreference() {
            throw new RuntimeException("stub");
        }

        public String getSerializationDir() {
            throw new RuntimeException("stub");
        }

        public String getModelToken() {
            throw new RuntimeException("stub");
        }

        public GpuBackend getForceBackend() {
            throw new RuntimeException("stub");
        }
    }

    public GpuDelegateFactory() {
        throw new RuntimeException("stub");
    }

    public GpuDelegateFactory(Options options) {
        throw new RuntimeException("stub");
    }
}
