package android.view;

import android.content.Context;

public abstract class OrientationEventListener {
    public static final int ORIENTATION_UNKNOWN = -1;

    public OrientationEventListener(Context context) {
        throw new RuntimeException("stub");
    }

    public OrientationEventListener(Context context, int rate) {
        throw new RuntimeException("stub");
    }

    public void enable() {
        throw new RuntimeException("stub");
    }

    public void disable() {
        throw new RuntimeException("stub");
    }

    public boolean canDetectOrientation() {
        throw new RuntimeException("stub");
    }

    public abstract void onOrientationChanged(int orientation);
}
