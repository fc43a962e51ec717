package com.google.mediapipe.tasks.components.containers;

/**
 * MediaPipe Tasks 1.0.0 (@AutoValue abstract class). create(...) takes the score first. Omitted:
 * the proto factories and the final equals/hashCode/toString overrides.
 */
public abstract class Category {
    public Category() {
        throw new RuntimeException("stub");
    }

    public static Category create(float score, int index, String categoryName, String displayName) {
        throw new RuntimeException("stub");
    }

    public abstract float score();

    public abstract int index();

    public abstract String categoryName();

    public abstract String displayName();
}
