package {{ cookiecutter.package_name }}.ml;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the classifier's raw output tensor into the top-k labelled scores.
 *
 * <p>Mirrors {@code scaffold/reference/postprocess.py}: dequantize uint8/int8 outputs with the
 * tensor's {@code (q - zeroPoint) * scale}, apply a softmax when the model outputs logits, then
 * rank by score (ties keep the lower class index first, which matters for quantized outputs
 * where equal scores are common). All arithmetic is in {@code double}, in the reference's order.
 *
 * <p>Not thread-safe: it reuses its score array between calls. One per thread.
 */
public final class ClassificationPostprocessor {

    private final TensorSpec output;
    private final List<String> labels;
    private final boolean applySoftmax;
    /** Every class's score for the latest output (reused). */
    private final double[] scores;
    /** The best classes so far, best first (reused). */
    private final int[] best;

    /**
     * @param applySoftmax true when the model's last layer produces logits rather than probabilities
     * @param maxResults how many categories {@link #process} returns (top-k)
     */
    public ClassificationPostprocessor(TensorSpec output, List<String> labels,
                                       boolean applySoftmax, int maxResults) {
        if (labels.size() != output.numElements()) {
            throw new IllegalArgumentException("the model outputs " + output.numElements()
                    + " scores but there are " + labels.size() + " labels");
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1");
        }
        this.output = output;
        this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
        this.applySoftmax = applySoftmax;
        this.scores = new double[output.numElements()];
        this.best = new int[Math.min(maxResults, output.numElements())];
    }

    public TensorSpec output() {
        return output;
    }

    /**
     * The top-k categories, best first, for the output tensor in {@code raw} (read from index 0).
     * Equal scores keep the lower class index first (quantized outputs tie often); NaN ranks
     * below every number. Runs on every camera frame: only the returned list is allocated.
     */
    public List<Category> process(ByteBuffer raw) {
        double[] scores = scores(raw);
        int k = best.length;
        int found = 0;
        for (int i = 0; i < scores.length; i++) {
            if (found == k && !ranksBefore(scores, i, best[k - 1])) {
                continue;
            }
            // Insert i, shifting worse ones down; i is the highest index so far, so on equal
            // scores it stays behind the ones already there.
            int j = found < k ? found++ : k - 1;
            while (j > 0 && ranksBefore(scores, i, best[j - 1])) {
                best[j] = best[j - 1];
                j--;
            }
            best[j] = i;
        }
        List<Category> top = new ArrayList<>(found);
        for (int r = 0; r < found; r++) {
            top.add(new Category(best[r], labels.get(best[r]), scores[best[r]]));
        }
        return top;
    }

    /** Whether class a ranks before class b: higher score first (-0.0 equals 0.0), then lower index; NaN last. */
    private static boolean ranksBefore(double[] scores, int a, int b) {
        double x = scores[a];
        double y = scores[b];
        if (Double.isNaN(x)) {
            return Double.isNaN(y) && a < b;
        }
        if (Double.isNaN(y)) {
            return true;
        }
        return x > y || (x == y && a < b);
    }

    /**
     * Every class's score (dequantized, and softmaxed when the model outputs logits), in an array
     * this postprocessor reuses: the next call overwrites it.
     */
    public double[] scores(ByteBuffer raw) {
        output.dequantize(raw, scores);
        if (applySoftmax) {
            softmaxInPlace(scores);
        }
        return scores;
    }

    /** Subtracts the maximum first so large logits cannot overflow {@code exp}. */
    private static void softmaxInPlace(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0.0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
    }
}
