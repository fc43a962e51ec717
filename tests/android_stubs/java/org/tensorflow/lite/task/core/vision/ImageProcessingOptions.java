package org.tensorflow.lite.task.core.vision;

import android.graphics.Rect;

/** Task Library 0.4.4 (@AutoValue abstract class). The ROI is in pixels; Orientation follows EXIF. */
public abstract class ImageProcessingOptions {
    public ImageProcessingOptions() {
        throw new RuntimeException("stub");
    }

    public enum Orientation {
        TOP_LEFT(0),
        TOP_RIGHT(1),
        BOTTOM_RIGHT(2),
        BOTTOM_LEFT(3),
        LEFT_TOP(4),
        RIGHT_TOP(5),
        RIGHT_BOTTOM(6),
        LEFT_BOTTOM(7);

        Orientation(int value) {
        }

        public int getValue() {
            throw new RuntimeException("stub");
        }
    }

    public abstract Rect getRoi();

    public abstract Orientation getOrientation();

    public static Builder builder() {
        throw new RuntimeException("stub");
    }

    /** @AutoValue.Builder. build() is public but not final here (unlike MediaPipe's). */
    public abstract static class Builder {
        public Builder() {
            throw new RuntimeException("stub");
        }

        public abstract Builder setRoi(Rect roi);

        public abstract Builder setOrientation(Orientation orientation);

        public ImageProcessingOptions build() {
            throw new RuntimeException("stub");
        }
    }
}
