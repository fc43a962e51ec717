package com.google.mediapipe.tasks.core;

/**
 * MediaPipe Tasks 1.0.0. Stubbed only as the parameter type of BaseVisionTaskApi's public
 * constructor; the real constructor is private (instances come from create(...), omitted with the
 * rest of its members).
 */
public class TaskRunner implements AutoCloseable {
    private TaskRunner() {
        throw new RuntimeException("stub");
    }

    @Override
    public void close() {
        throw new RuntimeException("stub");
    }
}
