package com.google.mediapipe.tasks.vision.objectdetector;

import android.content.Context;
import com.google.mediapipe.framework.image.MPImage;
import com.google.mediapipe.tasks.core.BaseOptions;
import com.google.mediapipe.tasks.core.ErrorListener;
import com.google.mediapipe.tasks.core.OutputHandler.ResultListener;
import com.google.mediapipe.tasks.core.TaskOptions;
import com.google.mediapipe.tasks.vision.core.BaseVisionTaskApi;
import com.google.mediapipe.tasks.vision.core.ImageProcessingOptions;
import com.google.mediapipe.tasks.vision.core.RunningMode;
import java.util.List;

/**
 * MediaPipe Tasks 1.0.0. Omitted: createFromFile/createFromBuffer, detectForVideo, the 2-argument
 * detectAsync; in the options, setDisplayNamesLocale, setCategoryDenylist and the package-private
 * accessors.
 */
public final class ObjectDetector extends BaseVisionTaskApi {
    private ObjectDetector() {
        super(null, null, null, null);
        throw new RuntimeException("stub");
    }

    public static ObjectDetector createFromOptions(Context context, ObjectDetectorOptions detectorOptions) {
        throw new RuntimeException("stub");
    }

    public ObjectDetectorResult detect(MPImage image) {
        throw new RuntimeException("stub");
    }

    public ObjectDetectorResult detect(MPImage image, ImageProcessingOptions imageProcessingOptions) {
        throw new RuntimeException("stub");
    }

    public void detectAsync(MPImage image, ImageProcessingOptions imageProcessingOptions, long timestampMs) {
        throw new RuntimeException("stub");
    }

    /** @AutoValue abstract static class extending TaskOptions. */
    public abstract static class ObjectDetectorOptions extends TaskOptions {
        public ObjectDetectorOptions() {
            throw new RuntimeException("stub");
        }

        public static Builder builder() {
            throw new RuntimeException("stub");
        }

        /** @AutoValue.Builder: abstract setters (boxed Integer/Float); build() is public final. */
        public abstract static class Builder {
            public Builder() {
                throw new RuntimeException("stub");
            }

            public abstract Builder setBaseOptions(BaseOptions value);

            public abstract Builder setRunningMode(RunningMode value);

            public abstract Builder setMaxResults(Integer value);

            public abstract Builder setScoreThreshold(Float value);

            public abstract Builder setCategoryAllowlist(List<String> value);

            public abstract Builder setResultListener(ResultListener<ObjectDetectorResult, MPImage> value);

            public abstract Builder setErrorListener(ErrorListener value);

            public final ObjectDetectorOptions build() {
                throw new RuntimeException("stub");
            }
        }
    }
}
