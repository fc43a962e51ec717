package android.app;

import android.content.Context;

/**
 * getContext() is the test APK's context, getTargetContext() the app under test's. Both are
 * unannotated in the SDK, so platform types.
 */
public class Instrumentation {
    public Instrumentation() {
        throw new RuntimeException("stub");
    }

    public Context getContext() {
        throw new RuntimeException("stub");
    }

    public Context getTargetContext() {
        throw new RuntimeException("stub");
    }
}
