package com.google.mediapipe.tasks.core;

/** MediaPipe Tasks 1.0.0. */
public interface TaskResult {
    long timestampMs();
}
