package androidx.test.core.app;

import android.content.Context;

/** androidx.test:core 1.7.0. In Kotlin: ApplicationProvider.getApplicationContext<Context>(). */
public final class ApplicationProvider {
    private ApplicationProvider() {
        throw new RuntimeException("stub");
    }

    public static <T extends Context> T getApplicationContext() {
        throw new RuntimeException("stub");
    }
}
