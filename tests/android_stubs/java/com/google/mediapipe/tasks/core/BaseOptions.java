package com.google.mediapipe.tasks.core;

/**
 * MediaPipe Tasks 1.0.0 (@AutoValue abstract class). Omitted: setModelAssetFileDescriptor,
 * setModelAssetBuffer, setDelegateOptions and the nested DelegateOptions, and the package-private
 * accessors. There is no setNumThreads in MediaPipe.
 */
public abstract class BaseOptions {
    public BaseOptions() {
        throw new RuntimeException("stub");
    }

    public static Builder builder() {
        throw new RuntimeException("stub");
    }

    /** @AutoValue.Builder: abstract setters; build() is public final (it validates autoBuild()). */
    public abstract static class Builder {
        public Builder() {
            throw new RuntimeException("stub");
        }

        public abstract Builder setModelAssetPath(String value);

        public abstract Builder setDelegate(Delegate delegate);

        public final BaseOptions build() {
            throw new RuntimeException("stub");
        }
    }
}
