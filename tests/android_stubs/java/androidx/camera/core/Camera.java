package androidx.camera.core;

/** Real interface: getCameraControl(), getCameraInfo() (omitted: unused here). */
public interface Camera {
}
