package com.google.mediapipe.tasks.vision.core;

/** MediaPipe Tasks 1.0.0. */
public enum RunningMode {
    IMAGE,
    VIDEO,
    LIVE_STREAM
}
