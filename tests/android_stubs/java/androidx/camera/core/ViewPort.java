package androidx.camera.core;

/**
 * camera-core (Java). getAspectRatio() and ViewPort.Builder take an android.util.Rational
 * (not stubbed) and are omitted; PreviewView.getViewPort() is how the app gets one.
 */
public final class ViewPort {
    public static final int FILL_START = 0;
    public static final int FILL_CENTER = 1;
    public static final int FILL_END = 2;
    public static final int FIT = 3;

    private ViewPort() {
        throw new RuntimeException("stub");
    }

    public int getRotation() {
        throw new RuntimeException("stub");
    }

    public int getScaleType() {
        throw new RuntimeException("stub");
    }

    public int getLayoutDirection() {
        throw new RuntimeException("stub");
    }
}
