package androidx.activity.result.contract

import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.activity.result.PickVisualMediaRequest

/** activity 1.10.x. Only the contracts a generated app may use are kept. */
public class ActivityResultContracts private constructor() {

    public class RequestMultiplePermissions :
        ActivityResultContract<Array<String>, Map<String, @JvmSuppressWildcards Boolean>>() {
        override fun createIntent(context: Context, input: Array<String>): Intent =
            throw RuntimeException("stub")

        override fun getSynchronousResult(
            context: Context,
            input: Array<String>,
        ): SynchronousResult<Map<String, Boolean>>? = throw RuntimeException("stub")

        override fun parseResult(resultCode: Int, intent: Intent?): Map<String, Boolean> =
            throw RuntimeException("stub")
    }

    public class RequestPermission : ActivityResultContract<String, Boolean>() {
        override fun createIntent(context: Context, input: String): Intent =
            throw RuntimeException("stub")

        override fun parseResult(resultCode: Int, intent: Intent?): Boolean =
            throw RuntimeException("stub")

        override fun getSynchronousResult(context: Context, input: String): SynchronousResult<Boolean>? =
            throw RuntimeException("stub")
    }

    public open class GetContent : ActivityResultContract<String, Uri?>() {
        override fun createIntent(context: Context, input: String): Intent =
            throw RuntimeException("stub")

        final override fun getSynchronousResult(context: Context, input: String): SynchronousResult<Uri?>? =
            throw RuntimeException("stub")

        final override fun parseResult(resultCode: Int, intent: Intent?): Uri? =
            throw RuntimeException("stub")
    }

    public open class PickVisualMedia : ActivityResultContract<PickVisualMediaRequest, Uri?>() {
        public companion object {
            @Deprecated("This method is deprecated in favor of isPhotoPickerAvailable(context)")
            @JvmStatic
            public fun isPhotoPickerAvailable(): Boolean = throw RuntimeException("stub")

            @JvmStatic
            public fun isPhotoPickerAvailable(context: Context): Boolean = throw RuntimeException("stub")

            public const val ACTION_SYSTEM_FALLBACK_PICK_IMAGES: String =
                "androidx.activity.result.contract.action.PICK_IMAGES"

            public const val EXTRA_SYSTEM_FALLBACK_PICK_IMAGES_MAX: String =
                "androidx.activity.result.contract.extra.PICK_IMAGES_MAX"
        }

        public sealed interface VisualMediaType

        public object ImageOnly : VisualMediaType

        public object VideoOnly : VisualMediaType

        public object ImageAndVideo : VisualMediaType

        public class SingleMimeType(public val mimeType: String) : VisualMediaType

        public sealed class DefaultTab {
            public abstract val value: Int

            public object PhotosTab : DefaultTab() {
                override val value: Int
                    get() = throw RuntimeException("stub")
            }

            public object AlbumsTab : DefaultTab() {
                override val value: Int
                    get() = throw RuntimeException("stub")
            }
        }

        override fun createIntent(context: Context, input: PickVisualMediaRequest): Intent =
            throw RuntimeException("stub")

        final override fun getSynchronousResult(
            context: Context,
            input: PickVisualMediaRequest,
        ): SynchronousResult<Uri?>? = throw RuntimeException("stub")

        final override fun parseResult(resultCode: Int, intent: Intent?): Uri? =
            throw RuntimeException("stub")
    }
}
