package androidx.test.platform.app;

import android.app.Instrumentation;

/**
 * androidx.test:monitor 1.8.0. Throws IllegalStateException when no instrumentation is registered.
 * Omitted: getArguments() and registerInstance(...).
 */
public final class InstrumentationRegistry {
    private InstrumentationRegistry() {
        throw new RuntimeException("stub");
    }

    public static Instrumentation getInstrumentation() {
        throw new RuntimeException("stub");
    }
}
