package com.google.mediapipe.tasks.vision.objectdetector;

import com.google.mediapipe.tasks.components.containers.Detection;
import com.google.mediapipe.tasks.core.TaskResult;
import java.util.List;

/**
 * MediaPipe Tasks 1.0.0: deprecated parent of ObjectDetectorResult, which inherits both accessors
 * from here. Its deprecated static create(List of proto Detection, long) is omitted.
 */
@Deprecated
public abstract class ObjectDetectionResult implements TaskResult {
    public ObjectDetectionResult() {
        throw new RuntimeException("stub");
    }

    @Override
    public abstract long timestampMs();

    public abstract List<Detection> detections();
}
