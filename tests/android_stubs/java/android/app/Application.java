package android.app;

import android.content.ContextWrapper;

/** Real class also implements ComponentCallbacks2 (omitted, see README); its callbacks are omitted too. */
public class Application extends ContextWrapper {
    public Application() {
        super(null);
        throw new RuntimeException("stub");
    }

    public void onCreate() {
        throw new RuntimeException("stub");
    }
}
