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

    /** Intersection over union; 0 when the boxes do not overlap (or have no area). */
    public double iou(Box other) {
        double area = Math.max(0.0, bottom - top) * Math.max(0.0, right - left);
        double otherArea = Math.max(0.0, other.bottom - other.top) * Math.max(0.0, other.right - other.left);
        double interHeight = Math.max(0.0, Math.min(bottom, other.bottom) - Math.max(top, other.top));
        double interWidth = Math.max(0.0, Math.min(right, other.right) - Math.max(left, other.left));
        double intersection = interHeight * interWidth;
        double union = area + otherArea - intersection;
        return union > 0.0 ? intersection / union : 0.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.4f, %.4f, %.4f, %.4f]", left, top, right, bottom);
    }
}
