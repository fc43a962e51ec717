package android.view;

/**
 * Real class implements Parcelable (omitted, see README). Its public constructors take a
 * SurfaceTexture or a SurfaceControl (not stubbed), so the stub has only a private one.
 */
public class Surface {
    public static final int ROTATION_0 = 0;
    public static final int ROTATION_90 = 1;
    public static final int ROTATION_180 = 2;
    public static final int ROTATION_270 = 3;

    private Surface() {
        throw new RuntimeException("stub");
    }
}
