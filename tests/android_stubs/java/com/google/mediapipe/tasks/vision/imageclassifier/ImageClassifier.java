package com.google.mediapipe.tasks.vision.imageclassifier;

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
 * MediaPipe Tasks 1.0.0. createFromOptions declares no checked exception (MediaPipeException is a
 * RuntimeException). Omitted: createFromFile/createFromBuffer, classifyForVideo, the 2-argument
 * classifyAsync; in the options, setDisplayNamesLocale, setCategoryDenylist and the package-private
 * accessors.
 */
public final class ImageClassifier extends BaseVisionTaskApi {
    private ImageClassifier() {
        super(null, null, null, null);
        throw new RuntimeException("stub");
    }

    public static ImageClassifier createFromOptions(Context context, ImageClassifierOptions options) {
        throw new RuntimeException("stub");
    }

    public ImageClassifierResult classify(MPImage image) {
        throw new RuntimeException("stub");
    }

    public ImageClassifierResult classify(MPImage image, ImageProcessingOptions imageProcessingOptions) {
        throw new RuntimeException("stub");
    }

    public void classifyAsync(MPImage image, ImageProcessingOptions imageProcessingOptions, long timestampMs) {
        throw new RuntimeException("stub");
    }

    /** @AutoValue abstract static class extending TaskOptions. */
    public abstract static class ImageClassifierOptions extends TaskOptions {
        public ImageClassifierOptions() {
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

            public abstract Builder setBaseOptions(BaseOptions baseOptions);

            public abstract Builder setRunningMode(RunningMode runningMode);

            public abstract Builder setMaxResults(Integer maxResults);

            public abstract Builder setScoreThreshold(Float scoreThreshold);

            public abstract Builder setCategoryAllowlist(List<String> categoryAllowlist);

            public abstract Builder setResultListener(
                    ResultListener<ImageClassifierResult, MPImage> resultListener);

            public abstract Builder setErrorListener(ErrorListener errorListener);

            public final ImageClassifierOptions build() {
                throw new RuntimeException("stub");
            }
        }
    }
}
