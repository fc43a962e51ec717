package androidx.camera.core;

/** Real constructor is restricted (takes a UseCaseConfig); only CameraX's own use cases extend it. */
public abstract class UseCase {
    UseCase() {
        throw new RuntimeException("stub");
    }

    public static int snapToSurfaceRotation(int orientation) {
        throw new RuntimeException("stub");
    }
}
