package {{ cookiecutter.package_name }}.ml;

import java.util.Locale;

/**
 * An axis-aligned rectangle: normalized to the model input for detections, in pixels once mapped
 * to an image or a view. Plain doubles rather than {@code android.graphics.RectF}, so the ml core
 * stays free of Android and the golden tests compare exact values.
 */
public final class Box {

    private final double left;
    private final double top;
    private final double right;
    private final double bottom;

    public Box(double left, double top, double right, double bottom) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
    }

    public double left() {
        return left;
    }

    public double top() {
        return top;
    }

    public double right() {
        return right;
    }

    public double bottom() {
        return bottom;
    }

    /**
     * Intersection over union; 0 when either box has no area. Computed in {@code float}, as
     * TFLite_Detection_PostProcess computes it, so NMS decides exactly as the op does even for
     * overlaps that sit on the threshold.
     */
    public double iou(Box other) {
        float t = (float) top;
        float l = (float) left;
        float b = (float) bottom;
        float r = (float) right;
        float otherTop = (float) other.top;
        float otherLeft = (float) other.left;
        float otherBottom = (float) other.bottom;
        float otherRight = (float) other.right;
        float area = (b - t) * (r - l);
        float otherArea = (otherBottom - otherTop) * (otherRight - otherLeft);
        if (area <= 0f || otherArea <= 0f) {
            return 0.0;
        }
        float height = Math.max(Math.min(b, otherBottom) - Math.max(t, otherTop), 0f);
        float width = Math.max(Math.min(r, otherRight) - Math.max(l, otherLeft), 0f);
        float intersection = height * width;
        return intersection / (area + otherArea - intersection);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.4f, %.4f, %.4f, %.4f]", left, top, right, bottom);
    }
}
