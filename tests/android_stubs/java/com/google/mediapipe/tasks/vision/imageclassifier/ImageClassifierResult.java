package com.google.mediapipe.tasks.vision.imageclassifier;

import com.google.mediapipe.tasks.components.containers.ClassificationResult;
import com.google.mediapipe.tasks.core.TaskResult;

/** MediaPipe Tasks 1.0.0 (@AutoValue abstract class; its create(...) is package-private). */
public abstract class ImageClassifierResult implements TaskResult {
    public ImageClassifierResult() {
        throw new RuntimeException("stub");
    }

    public abstract ClassificationResult classificationResult();

    @Override
    public abstract long timestampMs();
}
