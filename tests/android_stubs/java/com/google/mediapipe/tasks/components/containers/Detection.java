package com.google.mediapipe.tasks.components.containers;

import android.graphics.RectF;
import java.util.List;

/**
 * MediaPipe Tasks 1.0.0 (@AutoValue abstract class). The box is in pixels of the unrotated input.
 * Omitted: keypoints() and the factories.
 */
public abstract class Detection {
    public Detection() {
        throw new RuntimeException("stub");
    }

    public abstract List<Category> categories();

    public abstract RectF boundingBox();
}
