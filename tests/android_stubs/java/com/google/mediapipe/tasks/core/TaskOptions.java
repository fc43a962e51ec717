package com.google.mediapipe.tasks.core;

/** MediaPipe Tasks 1.0.0. Its proto conversion methods are omitted (proto types are not stubbed). */
public abstract class TaskOptions {
    public TaskOptions() {
        throw new RuntimeException("stub");
    }
}
