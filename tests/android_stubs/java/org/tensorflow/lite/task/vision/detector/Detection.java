package org.tensorflow.lite.task.vision.detector;

import android.graphics.RectF;
import java.util.List;
import org.tensorflow.lite.support.label.Category;

/** Task Library 0.4.4 (@AutoValue abstract class). The box is in pixels of the unrotated input. */
public abstract class Detection {
    public Detection() {
        throw new RuntimeException("stub");
    }

    public static Detection create(RectF boundingBox, List<Category> categories) {
        throw new RuntimeException("stub");
    }

    public abstract RectF getBoundingBox();

    public abstract List<Category> getCategories();
}
