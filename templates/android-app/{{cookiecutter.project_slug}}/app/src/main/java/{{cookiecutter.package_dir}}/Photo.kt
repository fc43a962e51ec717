package {{ cookiecutter.package_name }}

import android.content.ContentResolver
import android.graphics.Bitmap
import android.graphics.BitmapFactory
import android.graphics.Matrix
import android.net.Uri
import androidx.exifinterface.media.ExifInterface
import {{ cookiecutter.package_name }}.ml.Orientation
import java.io.FileNotFoundException
import java.io.IOException
import java.io.InputStream

/**
 * A picked photo decoded for the model: its pixels as stored, and the EXIF orientation that turns
 * them upright. BitmapFactory ignores EXIF; the ml core applies it, mirrors included, exactly as
 * the golden tests check.
 */
class Photo private constructor(val bitmap: Bitmap, val orientation: Orientation) {

    /** The photo turned upright (mirrored first if EXIF says so), as the model sees it. */
    fun upright(): Bitmap = upright(bitmap, orientation)

    companion object {
        /** [bitmap] turned by [orientation] (mirrored first), or [bitmap] itself when it is upright. */
        fun upright(bitmap: Bitmap, orientation: Orientation): Bitmap {
            if (orientation == Orientation.UPRIGHT) return bitmap
            val matrix = Matrix()
            if (orientation.mirrored()) matrix.postScale(-1f, 1f)
            matrix.postRotate(orientation.rotationDegrees().toFloat())
            return Bitmap.createBitmap(bitmap, 0, 0, bitmap.width, bitmap.height, matrix, true)
        }

        /**
         * The longest side a photo is decoded at: a 12 MP photo would take 48 MB as ARGB, and the
         * model sees a few hundred pixels of it anyway.
         */
        const val MAX_SIDE = 1024

        /**
         * Decodes [uri] with its longer side at most [MAX_SIDE] pixels.
         *
         * @throws IOException when it cannot be read or is not an image this phone decodes
         */
        fun decode(resolver: ContentResolver, uri: Uri): Photo {
            val bounds = BitmapFactory.Options().apply { inJustDecodeBounds = true }
            open(resolver, uri).use { BitmapFactory.decodeStream(it, null, bounds) }
            if (bounds.outWidth <= 0 || bounds.outHeight <= 0) throw IOException("not an image this phone can decode")
            val options = BitmapFactory.Options().apply {
                inSampleSize = sampleSize(maxOf(bounds.outWidth, bounds.outHeight))
                inPreferredConfig = Bitmap.Config.ARGB_8888
            }
            val bitmap = open(resolver, uri).use { BitmapFactory.decodeStream(it, null, options) }
                ?: throw IOException("not an image this phone can decode")
            val exif = open(resolver, uri).use {
                ExifInterface(it).getAttributeInt(ExifInterface.TAG_ORIENTATION, ExifInterface.ORIENTATION_NORMAL)
            }
            return Photo(bitmap, Orientation.fromExif(exif))
        }

        /**
         * The smallest power of two (BitmapFactory rounds any other sample size down to one) that
         * brings [longerSide] to at most [MAX_SIDE]; decoders round the scaled size up.
         */
        private fun sampleSize(longerSide: Int): Int {
            var sample = 1
            while ((longerSide + sample - 1) / sample > MAX_SIDE) sample *= 2
            return sample
        }

        private fun open(resolver: ContentResolver, uri: Uri): InputStream =
            resolver.openInputStream(uri) ?: throw FileNotFoundException("$uri could not be opened")
    }
}
