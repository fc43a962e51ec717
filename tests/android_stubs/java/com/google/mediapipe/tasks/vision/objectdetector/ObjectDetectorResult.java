package com.google.mediapipe.tasks.vision.objectdetector;

/**
 * MediaPipe Tasks 1.0.0 (@AutoValue abstract class). timestampMs() and detections() are inherited.
 * Its public static create(List of proto Detection, long) is omitted (proto types are not stubbed).
 */
@SuppressWarnings("deprecation")
public abstract class ObjectDetectorResult extends ObjectDetectionResult {
    public ObjectDetectorResult() {
        throw new RuntimeException("stub");
    }
}
