package com.google.mediapipe.tasks.components.containers;

import java.util.List;

/** MediaPipe Tasks 1.0.0 (@AutoValue abstract class). Omitted: Optional<Long> timestampMs() and the factories. */
public abstract class ClassificationResult {
    public ClassificationResult() {
        throw new RuntimeException("stub");
    }

    public abstract List<Classifications> classifications();
}
