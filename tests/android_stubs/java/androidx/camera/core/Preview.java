package androidx.camera.core;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.camera.core.resolutionselector.ResolutionSelector;
import java.util.concurrent.Executor;

/** Note: no getSurfaceProvider() getter in the real API, so Kotlin has no `surfaceProvider` property. */
public final class Preview extends UseCase {
    private Preview() {
        throw new RuntimeException("stub");
    }

    public void setSurfaceProvider(@NonNull Executor executor, @Nullable SurfaceProvider surfaceProvider) {
        throw new RuntimeException("stub");
    }

    public void setSurfaceProvider(@Nullable SurfaceProvider surfaceProvider) {
        throw new RuntimeException("stub");
    }

    public int getTargetRotation() {
        throw new RuntimeException("stub");
    }

    public void setTargetRotation(int targetRotation) {
        throw new RuntimeException("stub");
    }

    public interface SurfaceProvider {
        void onSurfaceRequested(@NonNull SurfaceRequest request);
    }

    public static final class Builder {
        public Builder() {
            throw new RuntimeException("stub");
        }

        @NonNull
        public Builder setResolutionSelector(@NonNull ResolutionSelector resolutionSelector) {
            throw new RuntimeException("stub");
        }

        @NonNull
        public Builder setTargetRotation(int rotation) {
            throw new RuntimeException("stub");
        }

        @NonNull
        public Preview build() {
            throw new RuntimeException("stub");
        }
    }
}
