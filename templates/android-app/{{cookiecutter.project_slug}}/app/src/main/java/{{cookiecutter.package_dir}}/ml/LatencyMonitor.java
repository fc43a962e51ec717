package {{ cookiecutter.package_name }}.ml;

/**
 * Rolling latency statistics of the three stages of {@link Timing}, fed by whichever thread
 * produces results (the app's worker, or a runtime's own callback thread) and read by the UI:
 * every method is synchronized, and {@link #summary()} returns an immutable snapshot.
 */
public final class LatencyMonitor {

    /** Mean, P50 and P95 of one stage, in milliseconds (NaN before the first sample). */
    public static final class Stage {
        private final double mean;
        private final double p50;
        private final double p95;

        public Stage(double mean, double p50, double p95) {
            this.mean = mean;
            this.p50 = p50;
            this.p95 = p95;
        }

        static Stage of(LatencyStats stats) {
            return new Stage(stats.mean(), stats.percentile(50), stats.percentile(95));
        }

        public double mean() {
            return mean;
        }

        public double p50() {
            return p50;
        }

        public double p95() {
            return p95;
        }
    }

    /** The three stages over the same {@link #count()} latest results. */
    public static final class Summary {
        private final int count;
        private final Stage preprocess;
        private final Stage inference;
        private final Stage postprocess;

        public Summary(int count, Stage preprocess, Stage inference, Stage postprocess) {
            this.count = count;
            this.preprocess = preprocess;
            this.inference = inference;
            this.postprocess = postprocess;
        }

        /** One result on its own (a photo): every statistic is its time. */
        public static Summary of(Timing timing) {
            return new Summary(1, same(timing.preprocessMs()), same(timing.inferenceMs()), same(timing.postprocessMs()));
        }

        private static Stage same(double value) {
            return new Stage(value, value, value);
        }

        public int count() {
            return count;
        }

        public Stage preprocess() {
            return preprocess;
        }

        public Stage inference() {
            return inference;
        }

        public Stage postprocess() {
            return postprocess;
        }
    }

    private final LatencyStats preprocess;
    private final LatencyStats inference;
    private final LatencyStats postprocess;

    /** Statistics over the latest {@code window} results. */
    public LatencyMonitor(int window) {
        preprocess = new LatencyStats(window);
        inference = new LatencyStats(window);
        postprocess = new LatencyStats(window);
    }

    public synchronized void add(Timing timing) {
        preprocess.add(timing.preprocessMs());
        inference.add(timing.inferenceMs());
        postprocess.add(timing.postprocessMs());
    }

    public synchronized Summary summary() {
        return new Summary(inference.count(), Stage.of(preprocess), Stage.of(inference), Stage.of(postprocess));
    }

    /** Starts over: the latencies of another backend or thread count are not comparable. */
    public synchronized void clear() {
        preprocess.clear();
        inference.clear();
        postprocess.clear();
    }
}
