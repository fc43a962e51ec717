package androidx.camera.core.resolutionselector;

import androidx.annotation.NonNull;

/** No public constructor (built with Builder). Getters, PREFER_* constants and the other Builder setters are omitted (unused). */
public final class ResolutionSelector {
    private ResolutionSelector() {
        throw new RuntimeException("stub");
    }

    public static final class Builder {
        public Builder() {
            throw new RuntimeException("stub");
        }

        @NonNull
        public Builder setAspectRatioStrategy(@NonNull AspectRatioStrategy aspectRatioStrategy) {
            throw new RuntimeException("stub");
        }

        @NonNull
        public ResolutionSelector build() {
            throw new RuntimeException("stub");
        }
    }
}
