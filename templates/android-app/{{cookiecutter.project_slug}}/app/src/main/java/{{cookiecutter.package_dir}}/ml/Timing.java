package {{ cookiecutter.package_name }}.ml;

/**
 * How long one image took in each stage, in milliseconds: the app's own preprocessing (reading
 * the frame, turning and resizing it), the runtime's work, and the app's post-processing.
 */
public final class Timing {

    private final double preprocessMs;
    private final double inferenceMs;
    private final double postprocessMs;

    public Timing(double preprocessMs, double inferenceMs, double postprocessMs) {
        this.preprocessMs = preprocessMs;
        this.inferenceMs = inferenceMs;
        this.postprocessMs = postprocessMs;
    }

    /** The stages between four {@link System#nanoTime()} readings: start, preprocessed, inferred, done. */
    public static Timing ofNanos(long start, long preprocessed, long inferred, long done) {
        return new Timing(millis(preprocessed - start), millis(inferred - preprocessed), millis(done - inferred));
    }

    public double preprocessMs() {
        return preprocessMs;
    }

    public double inferenceMs() {
        return inferenceMs;
    }

    public double postprocessMs() {
        return postprocessMs;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
