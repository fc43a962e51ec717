package androidx.camera.core;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;

/** camera-core (@AutoValue abstract class). */
public abstract class CameraState {
    public static final int ERROR_MAX_CAMERAS_IN_USE = 1;
    public static final int ERROR_CAMERA_IN_USE = 2;
    public static final int ERROR_OTHER_RECOVERABLE_ERROR = 3;
    public static final int ERROR_STREAM_CONFIG = 4;
    public static final int ERROR_CAMERA_DISABLED = 5;
    public static final int ERROR_CAMERA_FATAL_ERROR = 6;
    public static final int ERROR_DO_NOT_DISTURB_MODE_ENABLED = 7;

    public CameraState() {
        throw new RuntimeException("stub");
    }

    @NonNull
    public static CameraState create(@NonNull Type type) {
        throw new RuntimeException("stub");
    }

    @NonNull
    public static CameraState create(@NonNull Type type, @Nullable StateError error) {
        throw new RuntimeException("stub");
    }

    @Nullable
    public abstract StateError getError();

    @NonNull
    public abstract Type getType();

    public enum Type { PENDING_OPEN, OPENING, OPEN, CLOSING, CLOSED }

    public enum ErrorType { RECOVERABLE, CRITICAL }

    public abstract static class StateError {
        public StateError() {
            throw new RuntimeException("stub");
        }

        @NonNull
        public static StateError create(int code) {
            throw new RuntimeException("stub");
        }

        @NonNull
        public static StateError create(int code, @Nullable Throwable cause) {
            throw new RuntimeException("stub");
        }

        @Nullable
        public abstract Throwable getCause();

        public abstract int getCode();

        @NonNull
        public ErrorType getType() {
            throw new RuntimeException("stub");
        }
    }
}
