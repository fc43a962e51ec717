package androidx.activity.result

import androidx.activity.result.contract.ActivityResultContracts.PickVisualMedia.DefaultTab
import androidx.activity.result.contract.ActivityResultContracts.PickVisualMedia.ImageAndVideo
import androidx.activity.result.contract.ActivityResultContracts.PickVisualMedia.VisualMediaType

/*
 * activity 1.10.x: the one-argument and two-argument builders are kept for binary compatibility
 * only (DeprecationLevel.HIDDEN), so `PickVisualMediaRequest(mediaType)` resolves to the
 * four-argument overload below with its defaults.
 */

@Deprecated(
    "Superseded by PickVisualMediaRequest that takes an optional maxItems",
    level = DeprecationLevel.HIDDEN,
)
public fun PickVisualMediaRequest(mediaType: VisualMediaType = ImageAndVideo): PickVisualMediaRequest =
    throw RuntimeException("stub")

@Deprecated(
    "Superseded by PickVisualMediaRequest that take optional isOrderedSelection and defaultTab",
    level = DeprecationLevel.HIDDEN,
)
public fun PickVisualMediaRequest(
    mediaType: VisualMediaType = ImageAndVideo,
    maxItems: Int = Int.MAX_VALUE,
): PickVisualMediaRequest = throw RuntimeException("stub")

public fun PickVisualMediaRequest(
    mediaType: VisualMediaType = ImageAndVideo,
    maxItems: Int = Int.MAX_VALUE,
    isOrderedSelection: Boolean = false,
    defaultTab: DefaultTab = DefaultTab.PhotosTab,
): PickVisualMediaRequest = throw RuntimeException("stub")

public fun PickVisualMediaRequest(
    accentColor: Long,
    mediaType: VisualMediaType = ImageAndVideo,
    maxItems: Int = Int.MAX_VALUE,
    isOrderedSelection: Boolean = false,
    defaultTab: DefaultTab = DefaultTab.PhotosTab,
): PickVisualMediaRequest = throw RuntimeException("stub")

public class PickVisualMediaRequest internal constructor() {
    public var mediaType: VisualMediaType = ImageAndVideo
        internal set

    public var maxItems: Int = Int.MAX_VALUE
        internal set

    public var isOrderedSelection: Boolean = false
        internal set

    public var defaultTab: DefaultTab = DefaultTab.PhotosTab
        internal set

    public var isCustomAccentColorApplied: Boolean = false
        internal set

    public var accentColor: Long = 0
        internal set

    public class Builder {
        public fun setMediaType(mediaType: VisualMediaType): Builder = throw RuntimeException("stub")

        public fun setMaxItems(maxItems: Int): Builder = throw RuntimeException("stub")

        public fun setOrderedSelection(isOrderedSelection: Boolean): Builder = throw RuntimeException("stub")

        public fun setDefaultTab(defaultTab: DefaultTab): Builder = throw RuntimeException("stub")

        public fun setAccentColor(accentColor: Long): Builder = throw RuntimeException("stub")

        public fun build(): PickVisualMediaRequest = throw RuntimeException("stub")
    }
}
