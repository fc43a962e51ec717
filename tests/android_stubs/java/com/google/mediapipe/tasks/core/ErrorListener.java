package com.google.mediapipe.tasks.core;

/** MediaPipe Tasks 1.0.0: a single-method Java interface, so lambdas and method references work. */
public interface ErrorListener {
    void onError(RuntimeException e);
}
