package com.google.mediapipe.tasks.vision.core;

import com.google.mediapipe.tasks.core.TaskRunner;

/**
 * MediaPipe Tasks 1.0.0: a concrete class implementing AutoCloseable, close() without a checked
 * exception. Omitted: the protected fields and process/send helpers (they use framework types).
 */
public class BaseVisionTaskApi implements AutoCloseable {
    public BaseVisionTaskApi(
            TaskRunner runner, RunningMode runningMode, String imageStreamName, String normRectStreamName) {
        throw new RuntimeException("stub");
    }

    @Override
    public void close() {
        throw new RuntimeException("stub");
    }
}
