package org.tensorflow.lite.task.core;

/**
 * Task Library 0.4.4 (@AutoValue abstract class). Omitted: Builder.setComputeSettings and useNnapi
 * (ComputeSettings is not stubbed), and the package-private accessors.
 */
public abstract class BaseOptions {
    public BaseOptions() {
        throw new RuntimeException("stub");
    }

    public static Builder builder() {
        throw new RuntimeException("stub");
    }

    /** @AutoValue.Builder: abstract setters, a concrete useGpu(), an abstract build(). */
    public abstract static class Builder {
        public Builder() {
            throw new RuntimeException("stub");
        }

        public abstract Builder setNumThreads(int numThreads);

        public Builder useGpu() {
            throw new RuntimeException("stub");
        }

        public abstract BaseOptions build();
    }
}
