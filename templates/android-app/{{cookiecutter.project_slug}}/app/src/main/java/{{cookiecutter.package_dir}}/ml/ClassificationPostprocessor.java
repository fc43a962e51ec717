package {{ cookiecutter.package_name }}.ml;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the classifier's raw output tensor into the top-k labelled scores.
 *
 * <p>Mirrors {@code scaffold/reference/postprocess.py}: dequantize uint8/int8 outputs with the
 * tensor's {@code (q - zeroPoint) * scale}, apply a softmax when the model outputs logits, then
 * sort by score (ties keep the lower class index first, which matters for quantized outputs
 * where equal scores are common). All arithmetic is in {@code double}, in the reference's order.
 */
public final class ClassificationPostprocessor {

    private final TensorSpec output;
    private final List<String> labels;
    private final boolean applySoftmax;
    private final int maxResults;

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
        this.maxResults = maxResults;
    }

    public TensorSpec output() {
        return output;
    }

    /** The top-k categories, best first, for the output tensor in {@code raw} (read from position 0). */
    public List<Category> process(ByteBuffer raw) {
        double[] scores = scores(raw);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, new Comparator<Integer>() {
            @Override
            public int compare(Integer a, Integer b) {
                // == and > rather than Double.compare, which orders -0.0 before 0.0: the
                // reference (like plain arithmetic) treats them as equal.
                if (scores[a] != scores[b]) {
                    return scores[a] > scores[b] ? -1 : 1;
                }
                return Integer.compare(a, b);
            }
        });
        int k = Math.min(maxResults, scores.length);
        List<Category> top = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int index = order[i];
            top.add(new Category(index, labels.get(index), scores[index]));
        }
        return top;
    }

    /** Every class's score (dequantized, and softmaxed when the model outputs logits). */
    public double[] scores(ByteBuffer raw) {
        double[] scores = output.dequantize(raw);
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
