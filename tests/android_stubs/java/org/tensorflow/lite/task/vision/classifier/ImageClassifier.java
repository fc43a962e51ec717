package org.tensorflow.lite.task.vision.classifier;

import android.content.Context;
import java.io.IOException;
import java.util.List;
import org.tensorflow.lite.support.image.TensorImage;
import org.tensorflow.lite.task.core.BaseOptions;
import org.tensorflow.lite.task.core.vision.ImageProcessingOptions;
import org.tensorflow.lite.task.vision.core.BaseVisionTaskApi;

/**
 * Task Library 0.4.4. The constructor is package-private in the real class. Omitted: the other
 * factories (createFromFile, createFromBuffer, the File/ByteBuffer createFrom*AndOptions) and the
 * MlImage overloads of classify. Options setters omitted: setDisplayNamesLocale, setLabelDenyList,
 * the deprecated setNumThreads; the getters are omitted too.
 */
public final class ImageClassifier extends BaseVisionTaskApi {
    private ImageClassifier() {
        super(0L);
        throw new RuntimeException("stub");
    }

    public static ImageClassifier createFromFileAndOptions(
            Context context, String modelPath, ImageClassifierOptions options) throws IOException {
        throw new RuntimeException("stub");
    }

    public List<Classifications> classify(TensorImage image) {
        throw new RuntimeException("stub");
    }

    public List<Classifications> classify(TensorImage image, ImageProcessingOptions options) {
        throw new RuntimeException("stub");
    }

    /** A plain nested class (not AutoValue); its constructor is package-private. */
    public static class ImageClassifierOptions {
        private ImageClassifierOptions() {
            throw new RuntimeException("stub");
        }

        public static Builder builder() {
            throw new RuntimeException("stub");
        }

        /** The constructor is package-private in the real class. */
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

            public ImageClassifierOptions build() {
                throw new RuntimeException("stub");
            }
        }
    }
}
