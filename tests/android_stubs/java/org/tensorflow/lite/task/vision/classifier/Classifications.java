package org.tensorflow.lite.task.vision.classifier;

import java.util.List;
import org.tensorflow.lite.support.label.Category;

/** Task Library 0.4.4 (@AutoValue abstract class; its create(...) is package-private). */
public abstract class Classifications {
    public Classifications() {
        throw new RuntimeException("stub");
    }

    public abstract List<Category> getCategories();

    public abstract int getHeadIndex();
}
