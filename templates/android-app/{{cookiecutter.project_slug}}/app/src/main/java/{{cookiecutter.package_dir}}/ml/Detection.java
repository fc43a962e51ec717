package {{ cookiecutter.package_name }}.ml;

import java.util.Locale;

/** One detected object: class index, label, score, and its box normalized to the model input. */
public final class Detection {

    private final int index;
    private final String label;
    private final double score;
    private final Box box;

    public Detection(int index, String label, double score, Box box) {
        this.index = index;
        this.label = label;
        this.score = score;
        this.box = box;
    }

    public int index() {
        return index;
    }

    public String label() {
        return label;
    }

    public double score() {
        return score;
    }

    /** Left/top/right/bottom in 0..1 of the model's input tensor; see {@link ImageGeometry}. */
    public Box box() {
        return box;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d) %.3f %s", label, index, score, box);
    }
}
