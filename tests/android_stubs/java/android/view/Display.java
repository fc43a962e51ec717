package android.view;

/** No public constructor in the SDK. */
public final class Display {
    private Display() {
        throw new RuntimeException("stub");
    }

    public int getRotation() {
        throw new RuntimeException("stub");
    }
}
