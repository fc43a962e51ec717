package {{ cookiecutter.package_name }}.ml;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the app keeps of a detector's output. Mirrors {@code DetectionOptions} in the reference. */
public final class DetectionOptions {

    private final double scoreThreshold;
    private final int maxResults;
    private final Set<String> labelAllowlist;
    private final double iouThreshold;

    /**
     * @param scoreThreshold detections scoring below this are dropped (a score equal to it is kept)
     * @param maxResults at most this many detections, best first
     * @param labelAllowlist only these labels are reported; empty reports every label
     * @param iouThreshold raw-output models: a box overlapping a better box of the same class by
     *     more than this (intersection over union) is suppressed
     */
    public DetectionOptions(double scoreThreshold, int maxResults, Set<String> labelAllowlist, double iouThreshold) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1");
        }
        this.scoreThreshold = scoreThreshold;
        this.maxResults = maxResults;
        this.labelAllowlist = Collections.unmodifiableSet(new LinkedHashSet<>(labelAllowlist));
        this.iouThreshold = iouThreshold;
    }

    public double scoreThreshold() {
        return scoreThreshold;
    }

    public int maxResults() {
        return maxResults;
    }

    public Set<String> labelAllowlist() {
        return labelAllowlist;
    }

    public double iouThreshold() {
        return iouThreshold;
    }

    boolean keeps(double score, String label) {
        return score >= scoreThreshold && (labelAllowlist.isEmpty() || labelAllowlist.contains(label));
    }
}
