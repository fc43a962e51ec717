package com.google.mediapipe.tasks.components.containers;

import java.util.List;

/** MediaPipe Tasks 1.0.0 (@AutoValue abstract class). Omitted: Optional<String> headName() and the factories. */
public abstract class Classifications {
    public Classifications() {
        throw new RuntimeException("stub");
    }

    public abstract List<Category> categories();

    public abstract int headIndex();
}
