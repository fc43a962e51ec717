package androidx.camera.core.resolutionselector;

import androidx.annotation.NonNull;

/** Getters, FALLBACK_RULE_* and RATIO_16_9_FALLBACK_AUTO_STRATEGY are omitted (unused). */
public final class AspectRatioStrategy {
    @NonNull
    public static final AspectRatioStrategy RATIO_4_3_FALLBACK_AUTO_STRATEGY = null;

    public AspectRatioStrategy(int preferredAspectRatio, int fallbackRule) {
        throw new RuntimeException("stub");
    }
}
