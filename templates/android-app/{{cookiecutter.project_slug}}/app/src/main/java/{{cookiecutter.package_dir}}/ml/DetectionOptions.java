package {{ cookiecutter.package_name }}.ml;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the app keeps of a detector's output. Mirrors {@code DetectionOptions} in the reference. */
public final class DetectionOptions {

    /** Non-max suppression for raw-output models, done in {@link DetectionPostprocessor}. */
    public enum Nms {
        /**
         * Each box keeps its best class and is suppressed by any better kept box, whatever that
         * box's class: what TFLite_Detection_PostProcess does by default (fast NMS, one class
         * per detection).
         */
        CLASS_AGNOSTIC,
        /**
         * Every (box, class) pair scoring at least the threshold is a candidate, suppressed only
         * by better kept boxes of the same class (in the manner of the op's
         * {@code use_regular_nms}), so one box can be reported with two labels.
         */
        PER_CLASS
    }

    private final double scoreThreshold;
    private final int maxResults;
    private final Set<String> labelAllowlist;
    private final double iouThreshold;
    private final Nms nms;

    /**
     * Options for a model that ends in TFLite_Detection_PostProcess, which suppresses overlapping
     * boxes itself.
     *
     * @param scoreThreshold detections scoring below this are dropped (a score equal to it is kept)
     * @param maxResults at most this many detections, best first
     * @param labelAllowlist only these labels are reported; empty reports every label
     */
    public DetectionOptions(double scoreThreshold, int maxResults, Set<String> labelAllowlist) {
        this(scoreThreshold, maxResults, labelAllowlist, Double.NaN, null);
    }

    /**
     * Options for a raw-output model, whose overlapping boxes the app suppresses.
     *
     * @param iouThreshold a candidate overlapping a kept box by more than this (intersection
     *     over union) is suppressed, if that box is of the same class or {@code nms} is
     *     {@link Nms#CLASS_AGNOSTIC}
     * @param nms how classes take part in suppression
     */
    public DetectionOptions(double scoreThreshold, int maxResults, Set<String> labelAllowlist,
                            double iouThreshold, Nms nms) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1");
        }
        this.scoreThreshold = scoreThreshold;
        this.maxResults = maxResults;
        this.labelAllowlist = Collections.unmodifiableSet(new LinkedHashSet<>(labelAllowlist));
        this.iouThreshold = iouThreshold;
        this.nms = nms;
    }

    public double scoreThreshold() {
        return scoreThreshold;
    }

    public int maxResults() {
        return maxResults;
    }

    /** Applied to what NMS kept: a box of another label still suppresses, as in the op. */
    public Set<String> labelAllowlist() {
        return labelAllowlist;
    }

    /** NaN for models that suppress overlaps themselves. */
    public double iouThreshold() {
        return iouThreshold;
    }

    /** Null for models that suppress overlaps themselves. */
    public Nms nms() {
        return nms;
    }

    boolean passes(double score) {
        return score >= scoreThreshold;
    }

    boolean allows(String label) {
        return labelAllowlist.isEmpty() || labelAllowlist.contains(label);
    }

    boolean keeps(double score, String label) {
        return passes(score) && allows(label);
    }
}
