package androidx.camera.core;

/** Real class: final; its members are unused here and omitted. */
public final class SurfaceRequest {
    private SurfaceRequest() {
        throw new RuntimeException("stub");
    }
}
