package {{ cookiecutter.package_name }}.ml;

import java.util.Arrays;

/**
 * The latest {@code window} latencies of one stage, with their mean and percentiles: one slow
 * frame (a GC pause, the GPU warming up) shows in P95, not in a single number that jumps around.
 *
 * <p>Percentiles interpolate linearly between the two nearest ranks (numpy's default), so
 * P50 of {1, 2, 3, 4} is 2.5. Not thread-safe: {@link LatencyMonitor} guards it.
 */
public final class LatencyStats {

    private final double[] samples;
    private final double[] sorted;
    private int next;
    private int count;

    public LatencyStats(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        samples = new double[window];
        sorted = new double[window];
    }

    /** Records one latency in milliseconds; the oldest drops out once the window is full. */
    public void add(double milliseconds) {
        samples[next] = milliseconds;
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
    }

    /** How many samples the statistics are over (at most the window). */
    public int count() {
        return count;
    }

    /** The mean of the window, or NaN when there is no sample yet. */
    public double mean() {
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += samples[i];
        }
        return sum / count;
    }

    /**
     * The {@code percent}-th percentile (0..100) of the window, or NaN when there is no sample
     * yet. Sorts into a reused array: no allocation.
     */
    public double percentile(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in [0, 100], got " + percent);
        }
        if (count == 0) {
            return Double.NaN;
        }
        System.arraycopy(samples, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        double rank = percent / 100.0 * (count - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, count - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /** Forgets every sample (for example when the backend changes). */
    public void clear() {
        next = 0;
        count = 0;
    }
}
