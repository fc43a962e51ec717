package {{ cookiecutter.package_name }}.ml;

/** One classification result: the class index, its label and its score. */
public final class Category {

    private final int index;
    private final String label;
    private final double score;

    public Category(int index, String label, double score) {
        this.index = index;
        this.label = label;
        this.score = score;
    }

    public int index() {
        return index;
    }

    public String label() {
        return label;
    }

    /** A probability in [0, 1] when the model (or the post-processor's softmax) produces one. */
    public double score() {
        return score;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (%d): %.4f", label, index, score);
    }
}
