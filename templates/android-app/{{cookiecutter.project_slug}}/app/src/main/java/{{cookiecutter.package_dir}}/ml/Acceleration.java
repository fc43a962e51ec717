package {{ cookiecutter.package_name }}.ml;

/**
 * Where the model runs: a setting the user picks in the app ({@link #requested}), and what a
 * model helper reports back once its runtime is built: the same value when that is what runs, or
 * the CPU with the reason when the GPU could not be used ({@link #fellBack}).
 */
public final class Acceleration {

    public enum Backend { CPU, GPU }

    /** The longest fallback reason shown. */
    public static final int MAX_REASON = 160;

    private final Backend backend;
    private final int threads;
    private final String fallbackReason;

    private Acceleration(Backend backend, int threads, String fallbackReason) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (the runtime's choice) or more, got " + threads);
        }
        this.backend = backend;
        this.threads = threads;
        this.fallbackReason = fallbackReason;
    }

    /**
     * A setting: run on {@code backend}, with {@code threads} CPU threads for what runs on the CPU
     * (0 where the runtime picks them itself).
     */
    public static Acceleration requested(Backend backend, int threads) {
        return new Acceleration(backend, threads, null);
    }

    /**
     * The CPU runs instead of {@code requested}'s GPU, for {@code reason} (shown to the user: its
     * first line, at most {@value #MAX_REASON} characters, since native errors can run long).
     */
    public static Acceleration fellBack(Acceleration requested, String reason) {
        String line = reason.trim().split("\\R", 2)[0];
        String shown = line.length() > MAX_REASON ? line.substring(0, MAX_REASON - 1) + "…" : line;
        return new Acceleration(Backend.CPU, requested.threads, shown);
    }

    public Backend backend() {
        return backend;
    }

    public int threads() {
        return threads;
    }

    /** Why the CPU runs although the GPU was asked for, or null. */
    public String fallbackReason() {
        return fallbackReason;
    }

    public Acceleration withBackend(Backend backend) {
        return new Acceleration(backend, threads, null);
    }

    public Acceleration withThreads(int threads) {
        return new Acceleration(backend, threads, null);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Acceleration)) {
            return false;
        }
        Acceleration that = (Acceleration) other;
        return backend == that.backend && threads == that.threads
                && (fallbackReason == null ? that.fallbackReason == null : fallbackReason.equals(that.fallbackReason));
    }

    @Override
    public int hashCode() {
        return (backend.hashCode() * 31 + threads) * 31 + (fallbackReason == null ? 0 : fallbackReason.hashCode());
    }

    @Override
    public String toString() {
        return backend + (threads == 0 ? "" : ", " + threads + " threads") + (fallbackReason == null ? "" : " (fell back: " + fallbackReason + ")");
    }
}
