package {{ cookiecutter.package_name }}.ml;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Copies RGBA_8888 pixels (CameraX's {@code OUTPUT_IMAGE_FORMAT_RGBA_8888} analysis plane) into an
 * int array that {@link ImagePreprocessor} reads as {@link ImagePreprocessor.PixelLayout#ABGR}.
 *
 * <p>Camera frames arrive many times a second: the array is reused (no Bitmap, no arrays per
 * frame) and the copy is one bulk memory copy, padding included, so the row stride carries over
 * as {@link #stride()}. Reading the four bytes R, G, B, A as a little-endian int gives
 * {@code 0xAABBGGRR} on every device, whatever its own byte order.
 *
 * <p>Not thread-safe; one per thread.
 */
public final class RgbaReader {

    private int[] pixels = new int[0];
    private int stride;
    private ByteBuffer source;
    private IntBuffer ints;

    /**
     * Reads {@code rows} rows of pixels, {@code rowStride} bytes apart, from position 0 of
     * {@code rgba} (which is left untouched), and returns the reused array they are in.
     */
    public int[] read(ByteBuffer rgba, int rowStride, int rows) {
        if (rowStride % 4 != 0) {
            throw new IllegalArgumentException("an RGBA_8888 row stride is a whole number of pixels, got " + rowStride + " bytes");
        }
        // The last row may stop after its last pixel, short of a full stride.
        int count = Math.min(rowStride / 4 * rows, rgba.capacity() / 4);
        if (pixels.length < count) {
            pixels = new int[count];
        }
        if (rgba != source) { // CameraX may hand over the same buffer again: keep its view
            ByteBuffer whole = rgba.duplicate();
            whole.clear();
            source = rgba;
            ints = whole.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        }
        ints.clear();
        ints.get(pixels, 0, count);
        stride = rowStride / 4;
        return pixels;
    }

    /** Ints from one row to the next in the array {@link #read} returned. */
    public int stride() {
        return stride;
    }
}
