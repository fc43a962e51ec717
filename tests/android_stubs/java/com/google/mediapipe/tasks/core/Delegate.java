package com.google.mediapipe.tasks.core;

/** MediaPipe Tasks 1.0.0 (NPU since 0.10.32). */
public enum Delegate {
    CPU,
    GPU,
    NPU,
}
