package {{ cookiecutter.package_name }};

import android.content.ContentResolver;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.graphics.Matrix;
import android.net.Uri;

import androidx.annotation.NonNull;
import androidx.exifinterface.media.ExifInterface;

import {{ cookiecutter.package_name }}.ml.Orientation;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A picked photo decoded for the model: its pixels as stored, and the EXIF orientation that turns
 * them upright. BitmapFactory ignores EXIF; the ml core applies it, mirrors included, exactly as
 * the golden tests check.
 */
public final class Photo {

    /**
     * The longest side a photo is decoded at: a 12 MP photo would take 48 MB as ARGB, and the
     * model sees a few hundred pixels of it anyway.
     */
    public static final int MAX_SIDE = 1024;

    private final Bitmap bitmap;
    private final Orientation orientation;

    private Photo(Bitmap bitmap, Orientation orientation) {
        this.bitmap = bitmap;
        this.orientation = orientation;
    }

    /** The pixels as stored in the file. */
    @NonNull
    public Bitmap bitmap() {
        return bitmap;
    }

    /** What turns {@link #bitmap()} upright, from the photo's EXIF orientation. */
    @NonNull
    public Orientation orientation() {
        return orientation;
    }

    /** The photo turned upright (mirrored first if EXIF says so), as the model sees it. */
    @NonNull
    public Bitmap upright() {
        return upright(bitmap, orientation);
    }

    /** {@code bitmap} turned by {@code orientation} (mirrored first), or {@code bitmap} itself when it is upright. */
    @NonNull
    public static Bitmap upright(@NonNull Bitmap bitmap, @NonNull Orientation orientation) {
        if (orientation.equals(Orientation.UPRIGHT)) {
            return bitmap;
        }
        Matrix matrix = new Matrix();
        if (orientation.mirrored()) {
            matrix.postScale(-1f, 1f);
        }
        matrix.postRotate(orientation.rotationDegrees());
        return Bitmap.createBitmap(bitmap, 0, 0, bitmap.getWidth(), bitmap.getHeight(), matrix, true);
    }

    /**
     * Decodes {@code uri} with its longer side at most {@link #MAX_SIDE} pixels.
     *
     * @throws IOException when it cannot be read or is not an image this phone decodes
     */
    @NonNull
    public static Photo decode(@NonNull ContentResolver resolver, @NonNull Uri uri) throws IOException {
        BitmapFactory.Options bounds = new BitmapFactory.Options();
        bounds.inJustDecodeBounds = true;
        try (InputStream in = open(resolver, uri)) {
            BitmapFactory.decodeStream(in, null, bounds);
        }
        if (bounds.outWidth <= 0 || bounds.outHeight <= 0) {
            throw new IOException("not an image this phone can decode");
        }
        BitmapFactory.Options options = new BitmapFactory.Options();
        options.inSampleSize = sampleSize(Math.max(bounds.outWidth, bounds.outHeight));
        options.inPreferredConfig = Bitmap.Config.ARGB_8888;
        Bitmap bitmap;
        try (InputStream in = open(resolver, uri)) {
            bitmap = BitmapFactory.decodeStream(in, null, options);
        }
        if (bitmap == null) {
            throw new IOException("not an image this phone can decode");
        }
        int exif;
        try (InputStream in = open(resolver, uri)) {
            exif = new ExifInterface(in).getAttributeInt(ExifInterface.TAG_ORIENTATION, ExifInterface.ORIENTATION_NORMAL);
        }
        return new Photo(bitmap, Orientation.fromExif(exif));
    }

    /**
     * The smallest power of two (BitmapFactory rounds any other sample size down to one) that
     * brings {@code longerSide} to at most {@link #MAX_SIDE}; decoders round the scaled size up.
     */
    private static int sampleSize(int longerSide) {
        int sample = 1;
        while ((longerSide + sample - 1) / sample > MAX_SIDE) {
            sample *= 2;
        }
        return sample;
    }

    private static InputStream open(ContentResolver resolver, Uri uri) throws FileNotFoundException {
        InputStream in = resolver.openInputStream(uri);
        if (in == null) {
            throw new FileNotFoundException(uri + " could not be opened");
        }
        return in;
    }
}
