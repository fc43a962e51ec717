package org.tensorflow.lite.task.vision.detector;

import android.content.Context;
import java.io.IOException;
import java.util.List;
import org.tensorflow.lite.support.image.TensorImage;
import org.tensorflow.lite.task.core.BaseOptions;
import org.tensorflow.lite.task.core.vision.ImageProcessingOptions;
import org.tensorflow.lite.task.vision.core.BaseVisionTaskApi;

/**
 * Task Library 0.4.4. Omitted: the other factories and the MlImage overloads of detect, and (in
 * the options) setDisplayNamesLocale, setLabelDenyList, the deprecated setNumThreads and the getters.
 */
public final class ObjectDetector extends BaseVisionTaskApi {
    private ObjectDetector() {
        super(0L);
        throw new RuntimeException("stub");
    }

    public static ObjectDetector createFromFileAndOptions(
            Context context, String modelPath, ObjectDetectorOptions options) throws IOException {
        throw new RuntimeException("stub");
    }

    public List<Detection> detect(TensorImage image) {
        throw new RuntimeException("stub");
    }

    public List<Detection> detect(TensorImage image, ImageProcessingOptions options) {
        throw new RuntimeException("stub");
    }

    /** A plain nested class (not AutoValue) with a private constructor. */
    public static class ObjectDetectorOptions {
        private ObjectDetectorOptions() {
            throw new RuntimeException("stub");
        }

        public static Builder builder() {
            throw new RuntimeException("stub");
        }

        public static class Builder {
            private Builder() {
                throw new RuntimeException("stub");
            }

            public Builder setBaseOptions(BaseOptions baseOptions) {
                throw new RuntimeException("stub");
            }

            public Builder setMaxResults(int maxResults) {
                throw new RuntimeException("stub");
            }

            public Builder setScoreThreshold(float scoreThreshold) {
                throw new RuntimeException("stub");
            }

            public Builder setLabelAllowList(List<String> labelAllowList) {
                throw new RuntimeException("stub");
            }

            public ObjectDetectorOptions build() {
                throw new RuntimeException("stub");
            }
        }
    }
}
