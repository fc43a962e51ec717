package com.google.mediapipe.tasks.vision.core;

import android.graphics.RectF;
import java.util.Optional;

/**
 * MediaPipe Tasks 1.0.0 (@AutoValue abstract class). The ROI is normalized to [0, 1]; the rotation
 * is in degrees clockwise, a multiple of 90.
 */
public abstract class ImageProcessingOptions {
    public ImageProcessingOptions() {
        throw new RuntimeException("stub");
    }

    public abstract Optional<RectF> regionOfInterest();

    public abstract int rotationDegrees();

    public static Builder builder() {
        throw new RuntimeException("stub");
    }

    /** @AutoValue.Builder: abstract setters; build() is public final (it validates autoBuild()). */
    public abstract static class Builder {
        public Builder() {
            throw new RuntimeException("stub");
        }

        public abstract Builder setRegionOfInterest(RectF value);

        public abstract Builder setRotationDegrees(int value);

        public final ImageProcessingOptions build() {
            throw new RuntimeException("stub");
        }
    }
}
