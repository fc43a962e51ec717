package {{ cookiecutter.package_name }}.ml;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Turns pixels into the model's input tensor, on every camera frame, without allocating.
 *
 * <p>This class mirrors {@code scaffold/reference/preprocess.py}, the numpy reference that
 * produced this project's golden vectors; {@code GoldenPreprocessingTest} proves the two agree
 * (byte for byte for uint8/int8 inputs, within 1e-6 for float32). If you change the arithmetic
 * here, change the reference too and regenerate the golden data.
 *
 * <p>Steps: turn upright ({@link Orientation}: the camera rotation, or a photo's EXIF mirror and
 * rotation) → fit the image to the tensor (stretch, centred crop, or letterbox) → bilinear resize
 * with half-pixel centres → channel order (or BT.601 luma for one-channel inputs) → the tensor's
 * values: {@link InputValues#RAW} pixels, or {@link InputValues#NORMALIZED} {@code (pixel - mean)
 * / std}, quantized with the tensor's scale and zero-point for integer inputs.
 *
 * <p>Why it looks the way it does: the bilinear weights are fixed-point (11 bits, as OpenCV's
 * INTER_LINEAR), so each output value is an exact integer sum that Java and numpy compute
 * identically, within 1/8 of a pixel level of an exact float resize. The image is never turned
 * or copied: the orientation is folded into the sample tables, which are built once per frame
 * size and reused, and pixels are read in the order they lie in memory. Red and blue ride in one
 * {@code long} (two 32-bit lanes), so one multiply weighs both.
 *
 * <p>Not thread-safe: it reuses its tables and output staging between calls. One per thread.
 */
public final class ImagePreprocessor {

    /** Order of the colour channels in the input tensor. */
    public enum ChannelOrder { RGB, BGR }

    /** How the image is fitted to the tensor's width and height. */
    public enum ResizeMode {
        /** The whole image, squashed to the tensor's aspect ratio (what the Task Library does). */
        STRETCH,
        /** The largest centred rectangle with the tensor's aspect ratio; nothing is distorted. */
        CENTER_CROP,
        /** The whole image scaled to fit inside the tensor, centred; the rest is black padding. */
        LETTERBOX
    }

    /** What the input tensor holds. */
    public enum InputValues {
        /**
         * The resized pixels as they are, 0..255: how the TFLite Task Library and MediaPipe feed
         * a uint8 input, whose quantization describes what the pixels mean to the model.
         */
        RAW,
        /** {@code (pixel - mean) / std}; quantized with the tensor's scale and zero-point for integer inputs. */
        NORMALIZED
    }

    /** How one int of the pixel array holds a pixel. */
    public enum PixelLayout {
        /** {@code 0xAARRGGBB}, as {@code Bitmap.getPixels} returns. */
        ARGB,
        /** {@code 0xAABBGGRR}: RGBA_8888 bytes (CameraX analysis frames) read as little-endian ints. */
        ABGR
    }

    /** Bits of the fixed-point bilinear weights: a weight of 1 is {@code 1 << WEIGHT_BITS}. */
    static final int WEIGHT_BITS = 11;
    private static final int ONE = 1 << WEIGHT_BITS;
    /** A bilinear sum is the pixel value times {@code 2^SUM_BITS}. */
    private static final int SUM_BITS = 2 * WEIGHT_BITS;
    private static final long HALF = 1L << (SUM_BITS - 1);

    // BT.601 luma weights: the same as Pillow's convert("L") and tf.image.rgb_to_grayscale.
    private static final double LUMA_R = 0.299;
    private static final double LUMA_G = 0.587;
    private static final double LUMA_B = 0.114;

    private final TensorSpec input;
    private final InputValues values;
    private final ChannelOrder channelOrder;
    private final ResizeMode resizeMode;
    private final int outHeight;
    private final int outWidth;
    private final int channels;
    /** Per tensor channel: value = sum * scale + offset (before rounding, for integer tensors). */
    private final double[] scale;
    private final double[] offset;
    private final int zeroPoint;
    private final int minQ;
    private final int maxQ;

    // Output staging: the tensor's elements, copied into the interpreter's buffer in one go.
    private final float[] floats;
    private final byte[] bytes;
    private ByteBuffer floatTarget;
    private FloatBuffer floatView;

    // Sample tables for the last frame geometry (rebuilt only when it changes).
    private Sampling sampling;

    /**
     * For a uint8 input that takes the resized pixels as they are ({@link InputValues#RAW}).
     *
     * @param input the model's input tensor: NHWC {@code [1, height, width, channels]}, channels 1 or 3
     */
    public static ImagePreprocessor raw(TensorSpec input, ChannelOrder channelOrder, ResizeMode resizeMode) {
        return new ImagePreprocessor(input, InputValues.RAW, new double[] {0.0}, new double[] {1.0}, channelOrder, resizeMode);
    }

    /**
     * For an input that takes {@code (pixel - mean) / std} ({@link InputValues#NORMALIZED}).
     *
     * @param input the model's input tensor: NHWC {@code [1, height, width, channels]}, channels 1 or 3
     * @param mean per-channel mean in the 0..255 pixel domain, in tensor channel order (or one value for all)
     * @param std per-channel standard deviation, same layout as {@code mean}
     */
    public static ImagePreprocessor normalized(TensorSpec input, double[] mean, double[] std,
                                               ChannelOrder channelOrder, ResizeMode resizeMode) {
        return new ImagePreprocessor(input, InputValues.NORMALIZED, mean, std, channelOrder, resizeMode);
    }

    private ImagePreprocessor(TensorSpec input, InputValues values, double[] mean, double[] std,
                              ChannelOrder channelOrder, ResizeMode resizeMode) {
        int[] shape = input.shape();
        if (shape.length != 4 || shape[0] != 1 || (shape[3] != 1 && shape[3] != 3)) {
            throw new IllegalArgumentException(
                    "expected an NHWC image input [1, height, width, 1 or 3], got " + input);
        }
        if (values == InputValues.RAW && input.dataType() != TensorSpec.DataType.UINT8) {
            throw new IllegalArgumentException("raw pixel values need a uint8 input; the model's input is " + input);
        }
        this.input = input;
        this.values = values;
        this.channelOrder = channelOrder;
        this.resizeMode = resizeMode;
        this.outHeight = shape[1];
        this.outWidth = shape[2];
        this.channels = shape[3];
        double[] means = perChannel(mean, channels, "mean");
        double[] stds = perChannel(std, channels, "std");
        this.scale = new double[channels];
        this.offset = new double[channels];
        for (int c = 0; c < channels; c++) {
            if (values == InputValues.RAW) {
                scale[c] = 1.0 / (1L << SUM_BITS);
                offset[c] = 0.0;
            } else {
                // (sum / 2^22 - mean) / std, and for a quantized tensor divided by its scale too.
                double tensorScale = input.isQuantized() ? input.scale() : 1.0;
                scale[c] = 1.0 / ((double) (1L << SUM_BITS) * stds[c]) / tensorScale;
                offset[c] = -means[c] / stds[c] / tensorScale;
            }
        }
        this.zeroPoint = values == InputValues.RAW ? 0 : input.zeroPoint();
        this.minQ = input.dataType() == TensorSpec.DataType.INT8 ? -128 : 0;
        this.maxQ = input.dataType() == TensorSpec.DataType.INT8 ? 127 : 255;
        int elements = input.numElements();
        this.floats = input.dataType() == TensorSpec.DataType.FLOAT32 ? new float[elements] : null;
        this.bytes = input.dataType() == TensorSpec.DataType.FLOAT32 ? null : new byte[elements];
    }

    public TensorSpec input() {
        return input;
    }

    public InputValues values() {
        return values;
    }

    /** Preprocesses ARGB pixels into a newly allocated direct buffer (for tests and one-off images). */
    public ByteBuffer process(int[] argb, int width, int height, Orientation orientation) {
        ByteBuffer out = input.allocateBuffer();
        process(argb, 0, width, width, height, PixelLayout.ARGB, orientation, out);
        return out;
    }

    /**
     * Writes the input tensor for one image into {@code out} (filled from position 0, then rewound).
     *
     * @param pixels the image, one int per pixel laid out as {@code layout}
     * @param offset index of the image's top-left pixel in {@code pixels}
     * @param stride ints from one row to the next (at least {@code width})
     * @param orientation what makes the pixels upright: {@link Orientation#ofRotation} of CameraX's
     *     {@code imageInfo.rotationDegrees}, or {@link Orientation#fromExif} of a photo's EXIF tag
     */
    public void process(int[] pixels, int offset, int stride, int width, int height, PixelLayout layout,
                        Orientation orientation, ByteBuffer out) {
        if (width < 1 || height < 1 || stride < width || offset < 0
                || offset + (long) (height - 1) * stride + width > pixels.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image at offset " + offset
                    + " with stride " + stride + " does not fit in " + pixels.length + " pixels");
        }
        if (out.capacity() < input.numBytes()) {
            throw new IllegalArgumentException("output buffer holds " + out.capacity()
                    + " bytes, the input tensor needs " + input.numBytes());
        }
        Sampling s = sampling;
        if (s == null || !s.matches(width, height, stride, orientation)) {
            s = new Sampling(width, height, stride, orientation);
            sampling = s;
            fillPadding();
        }
        // ABGR is ARGB with red and blue swapped: the lanes below trade places.
        boolean swap = layout == PixelLayout.ABGR;
        if (s.outerIsRows) {
            resize(pixels, offset, swap, s.rowLo, s.rowHi, s.rowWeight, s.colLo, s.colHi, s.colWeight,
                    s.contentY, s.contentX, outWidth * channels, channels);
        } else {
            resize(pixels, offset, swap, s.colLo, s.colHi, s.colWeight, s.rowLo, s.rowHi, s.rowWeight,
                    s.contentX, s.contentY, channels, outWidth * channels);
        }
        out.rewind();
        if (floats != null) {
            floatView(out).put(floats);
        } else {
            out.put(bytes);
        }
        out.rewind();
    }

    /**
     * The bilinear resize proper, one loop per kind of output so that each stays small and
     * branch-free for the JIT. "Outer" is whichever tensor axis runs along the stored rows, so
     * memory is read in order whatever the rotation; {@code outerStep} / {@code innerStep} are
     * the distances between neighbouring outputs along each axis in the staging array. Every
     * sum is exact: value * 2^22 for red and blue (the two lanes of one long) and green.
     */
    private void resize(int[] px, int base, boolean swap, int[] outerLo, int[] outerHi, int[] outerWeight,
                        int[] innerLo, int[] innerHi, int[] innerWeight,
                        int outerStart, int innerStart, int outerStep, int innerStep) {
        // The tensor channel (0 or 2) that takes the high lane of redBlue(): red, or blue if the
        // layout swapped them, and the channel order may swap them back.
        final int high = swap == (channelOrder == ChannelOrder.BGR) ? 0 : 2;
        for (int a = 0; a < outerLo.length; a++) {
            final int r0 = base + outerLo[a];
            final int r1 = base + outerHi[a];
            final int ow = outerWeight[a];
            final int d = (outerStart + a) * outerStep + innerStart * innerStep;
            if (channels == 1) {
                lumaRow(px, r0, r1, ow, innerLo, innerHi, innerWeight, d, innerStep, swap);
            } else if (values == InputValues.RAW) {
                rawRow(px, r0, r1, ow, innerLo, innerHi, innerWeight, d, innerStep, high);
            } else if (floats != null) {
                floatRow(px, r0, r1, ow, innerLo, innerHi, innerWeight, d, innerStep, high);
            } else {
                quantizedRow(px, r0, r1, ow, innerLo, innerHi, innerWeight, d, innerStep, high);
            }
        }
    }

    private void rawRow(int[] px, int r0, int r1, int ow, int[] lo, int[] hi, int[] weight, int d, int step, int high) {
        final int og = ONE - ow;
        final int low = 2 - high;
        for (int b = 0; b < lo.length; b++, d += step) {
            final int c0 = lo[b];
            final int c1 = hi[b];
            final int iw = weight[b];
            final int ig = ONE - iw;
            final int p00 = px[r0 + c0];
            final int p01 = px[r0 + c1];
            final int p10 = px[r1 + c0];
            final int p11 = px[r1 + c1];
            final long rb = (redBlue(p00) * ig + redBlue(p01) * iw) * og + (redBlue(p10) * ig + redBlue(p11) * iw) * ow;
            final long g = (long) ((p00 & 0xFF00) * ig + (p01 & 0xFF00) * iw) * og
                    + (long) ((p10 & 0xFF00) * ig + (p11 & 0xFF00) * iw) * ow;
            bytes[d + high] = (byte) (((rb >>> 32) + HALF) >>> SUM_BITS);
            bytes[d + 1] = (byte) (((g >>> 8) + HALF) >>> SUM_BITS);
            bytes[d + low] = (byte) (((rb & 0xFFFFFFFFL) + HALF) >>> SUM_BITS);
        }
    }

    private void floatRow(int[] px, int r0, int r1, int ow, int[] lo, int[] hi, int[] weight, int d, int step, int high) {
        final int og = ONE - ow;
        final int low = 2 - high;
        final double highScale = scale[high];
        final double highOffset = offset[high];
        final double greenScale = scale[1];
        final double greenOffset = offset[1];
        final double lowScale = scale[low];
        final double lowOffset = offset[low];
        for (int b = 0; b < lo.length; b++, d += step) {
            final int c0 = lo[b];
            final int c1 = hi[b];
            final int iw = weight[b];
            final int ig = ONE - iw;
            final int p00 = px[r0 + c0];
            final int p01 = px[r0 + c1];
            final int p10 = px[r1 + c0];
            final int p11 = px[r1 + c1];
            final long rb = (redBlue(p00) * ig + redBlue(p01) * iw) * og + (redBlue(p10) * ig + redBlue(p11) * iw) * ow;
            final long g = (long) ((p00 & 0xFF00) * ig + (p01 & 0xFF00) * iw) * og
                    + (long) ((p10 & 0xFF00) * ig + (p11 & 0xFF00) * iw) * ow;
            floats[d + high] = (float) ((rb >>> 32) * highScale + highOffset);
            floats[d + 1] = (float) ((g >>> 8) * greenScale + greenOffset);
            floats[d + low] = (float) ((rb & 0xFFFFFFFFL) * lowScale + lowOffset);
        }
    }

    private void quantizedRow(int[] px, int r0, int r1, int ow, int[] lo, int[] hi, int[] weight, int d, int step, int high) {
        final int og = ONE - ow;
        final int low = 2 - high;
        for (int b = 0; b < lo.length; b++, d += step) {
            final int c0 = lo[b];
            final int c1 = hi[b];
            final int iw = weight[b];
            final int ig = ONE - iw;
            final int p00 = px[r0 + c0];
            final int p01 = px[r0 + c1];
            final int p10 = px[r1 + c0];
            final int p11 = px[r1 + c1];
            final long rb = (redBlue(p00) * ig + redBlue(p01) * iw) * og + (redBlue(p10) * ig + redBlue(p11) * iw) * ow;
            final long g = (long) ((p00 & 0xFF00) * ig + (p01 & 0xFF00) * iw) * og
                    + (long) ((p10 & 0xFF00) * ig + (p11 & 0xFF00) * iw) * ow;
            bytes[d + high] = quantize((rb >>> 32) * scale[high] + offset[high]);
            bytes[d + 1] = quantize((g >>> 8) * scale[1] + offset[1]);
            bytes[d + low] = quantize((rb & 0xFFFFFFFFL) * scale[low] + offset[low]);
        }
    }

    /** One-channel models: BT.601 luma of R, G and B, in the reference's order whatever the layout. */
    private void lumaRow(int[] px, int r0, int r1, int ow, int[] lo, int[] hi, int[] weight, int d, int step, boolean swap) {
        final int og = ONE - ow;
        for (int b = 0; b < lo.length; b++, d += step) {
            final int c0 = lo[b];
            final int c1 = hi[b];
            final int iw = weight[b];
            final int ig = ONE - iw;
            final int p00 = px[r0 + c0];
            final int p01 = px[r0 + c1];
            final int p10 = px[r1 + c0];
            final int p11 = px[r1 + c1];
            final long rb = (redBlue(p00) * ig + redBlue(p01) * iw) * og + (redBlue(p10) * ig + redBlue(p11) * iw) * ow;
            final long g = (long) ((p00 & 0xFF00) * ig + (p01 & 0xFF00) * iw) * og
                    + (long) ((p10 & 0xFF00) * ig + (p11 & 0xFF00) * iw) * ow;
            final long red = swap ? rb & 0xFFFFFFFFL : rb >>> 32;
            final long blue = swap ? rb >>> 32 : rb & 0xFFFFFFFFL;
            store(d, LUMA_R * red + LUMA_G * (g >>> 8) + LUMA_B * blue);
        }
    }

    /** Red at bit 32, blue at bit 0: room for each to be multiplied by two weights. */
    private static long redBlue(int argb) {
        return ((long) (argb & 0xFF0000) << 16) | (argb & 0xFF);
    }

    /** The one-channel tensor element {@code d} from its sum (value * 2^22). */
    private void store(int d, double sum) {
        double value = sum * scale[0] + offset[0];
        if (floats != null) {
            floats[d] = (float) value;
        } else if (values == InputValues.RAW) {
            bytes[d] = (byte) Math.min(255, (long) (sum / (1L << SUM_BITS) + 0.5));
        } else {
            bytes[d] = quantize(value);
        }
    }

    /**
     * {@code round(value) + zeroPoint}, saturated to the tensor's type. Rounds half away from
     * zero, as the reference does (Math.round would round half up, numpy half to even): adding
     * ±0.5 then truncating toward zero, without a branch that half the pixels would mispredict.
     * Clamped to ±1024 first, so that an absurd std cannot overflow the long.
     */
    private byte quantize(double value) {
        double rounded = Math.max(-1024.0, Math.min(1024.0, value + Math.copySign(0.5, value)));
        long q = (long) rounded + zeroPoint;
        return (byte) (q < minQ ? minQ : q > maxQ ? maxQ : q);
    }

    /** Letterbox padding is black (pixel value 0): written once per geometry, never overwritten. */
    private void fillPadding() {
        if (resizeMode != ResizeMode.LETTERBOX) {
            return;
        }
        for (int d = 0; d < input.numElements(); d += channels) {
            if (channels == 1) {
                store(d, 0.0);
            } else if (floats != null) {
                for (int c = 0; c < 3; c++) {
                    floats[d + c] = (float) (0.0 * scale[c] + offset[c]); // +0.0 where offset is -0.0, as in store()
                }
            } else {
                for (int c = 0; c < 3; c++) {
                    bytes[d + c] = values == InputValues.RAW ? 0 : quantize(offset[c]);
                }
            }
        }
    }

    private FloatBuffer floatView(ByteBuffer out) {
        if (out != floatTarget) {
            floatTarget = out;
            floatView = out.asFloatBuffer();
        }
        floatView.rewind();
        return floatView;
    }

    /**
     * Where to sample for one frame geometry: for each tensor row and column inside the content
     * area, the stored-pixel index offsets of the two neighbours and the upper one's weight. The
     * orientation is folded in: an upright column may walk down the stored rows.
     */
    private final class Sampling {
        final int width;
        final int height;
        final int stride;
        final Orientation orientation;
        final int[] rowLo;
        final int[] rowHi;
        final int[] rowWeight;
        final int[] colLo;
        final int[] colHi;
        final int[] colWeight;
        final int contentX;
        final int contentY;
        /** True when neighbouring tensor columns are neighbouring stored pixels (no quarter turn). */
        final boolean outerIsRows;

        Sampling(int width, int height, int stride, Orientation orientation) {
            this.width = width;
            this.height = height;
            this.stride = stride;
            this.orientation = orientation;
            int[] upright = orientation.uprightSize(width, height);
            int uw = upright[0];
            int uh = upright[1];
            int[] content;
            int[] source;
            if (resizeMode == ResizeMode.LETTERBOX) {
                content = letterboxRect(uw, uh, outWidth, outHeight);
                source = new int[] {0, 0, uw, uh};
            } else {
                content = new int[] {0, 0, outWidth, outHeight};
                source = sourceRect(uw, uh, outWidth, outHeight, resizeMode);
            }
            contentX = content[0];
            contentY = content[1];
            // Stored index of upright pixel (ux, uy) = origin + ux * dx + uy * dy.
            int[] steps = steps(orientation, width, height, stride);
            int origin = steps[0];
            colLo = new int[content[2]];
            colHi = new int[content[2]];
            colWeight = new int[content[2]];
            rowLo = new int[content[3]];
            rowHi = new int[content[3]];
            rowWeight = new int[content[3]];
            samples(source[0], source[2], content[2], steps[1], colLo, colHi, colWeight);
            samples(source[1], source[3], content[3], steps[2], rowLo, rowHi, rowWeight);
            for (int i = 0; i < rowLo.length; i++) {
                rowLo[i] += origin;
                rowHi[i] += origin;
            }
            outerIsRows = Math.abs(steps[1]) == 1;
        }

        boolean matches(int width, int height, int stride, Orientation orientation) {
            return this.width == width && this.height == height && this.stride == stride
                    && this.orientation.equals(orientation);
        }
    }

    /**
     * {origin, dx, dy}: the stored index of upright pixel (ux, uy) is {@code origin + ux * dx +
     * uy * dy} for stored pixels {@code width x height}, rows {@code stride} apart, turned by
     * {@code orientation} (mirror first, then clockwise): the index form of the reference's
     * {@code orient()} ({@code scaffold/reference/orientation.py}), which copies the pixels.
     */
    static int[] steps(Orientation orientation, int width, int height, int stride) {
        // Upright (ux, uy) → mirrored-image (mx, my), then mx → stored column.
        int mx0;
        int mxDx;
        int mxDy;
        int my0;
        int myDx;
        int myDy;
        switch (orientation.rotationDegrees()) {
            case 90: // mx = uy, my = height - 1 - ux
                mx0 = 0; mxDx = 0; mxDy = 1; my0 = height - 1; myDx = -1; myDy = 0;
                break;
            case 180: // mx = width - 1 - ux, my = height - 1 - uy
                mx0 = width - 1; mxDx = -1; mxDy = 0; my0 = height - 1; myDx = 0; myDy = -1;
                break;
            case 270: // mx = width - 1 - uy, my = ux
                mx0 = width - 1; mxDx = 0; mxDy = -1; my0 = 0; myDx = 1; myDy = 0;
                break;
            default:
                mx0 = 0; mxDx = 1; mxDy = 0; my0 = 0; myDx = 0; myDy = 1;
                break;
        }
        if (orientation.mirrored()) { // stored column = width - 1 - mx
            mx0 = width - 1 - mx0;
            mxDx = -mxDx;
            mxDy = -mxDy;
        }
        return new int[] {my0 * stride + mx0, myDx * stride + mxDx, myDy * stride + mxDy};
    }

    /**
     * Neighbours and weights for each of {@code outLength} outputs over {@code length} source
     * positions starting at {@code start}, with half-pixel centres: output {@code i} samples
     * {@code (i + 0.5) * scale - 0.5}, clamped to the image. That is TF2's
     * {@code tf.image.resize} (bilinear, no antialias), Keras' Resizing layer and OpenCV's
     * INTER_LINEAR convention. The weight of the upper neighbour is rounded to 11 bits.
     */
    private static void samples(int start, int length, int outLength, int step, int[] lo, int[] hi, int[] weight) {
        double scale = (double) length / outLength;
        for (int i = 0; i < outLength; i++) {
            double pos = (i + 0.5) * scale - 0.5;
            pos = Math.min(Math.max(pos, 0.0), length - 1);
            int lower = (int) Math.floor(pos);
            lo[i] = (start + lower) * step;
            hi[i] = (start + Math.min(lower + 1, length - 1)) * step;
            weight[i] = (int) Math.floor((pos - lower) * ONE + 0.5);
        }
    }

    /**
     * {x, y, width, height} of the region of the image that is resized into the tensor (the whole
     * image for STRETCH and LETTERBOX). Integer arithmetic only, identical to the reference's
     * {@code source_rect}.
     */
    static int[] sourceRect(int width, int height, int outWidth, int outHeight, ResizeMode mode) {
        if (mode != ResizeMode.CENTER_CROP) {
            return new int[] {0, 0, width, height};
        }
        if ((long) width * outHeight > (long) height * outWidth) {
            int cropWidth = (int) Math.max(1, (long) height * outWidth / outHeight);
            return new int[] {(width - cropWidth) / 2, 0, cropWidth, height};
        }
        int cropHeight = (int) Math.max(1, (long) width * outHeight / outWidth);
        return new int[] {0, (height - cropHeight) / 2, width, cropHeight};
    }

    /**
     * {x, y, width, height} inside the tensor that a letterboxed image is scaled into; the rest is
     * padding. Identical to the reference's {@code letterbox_rect}.
     */
    static int[] letterboxRect(int width, int height, int outWidth, int outHeight) {
        if ((long) width * outHeight > (long) height * outWidth) {
            int contentHeight = (int) Math.max(1, (long) height * outWidth / width);
            return new int[] {0, (outHeight - contentHeight) / 2, outWidth, contentHeight};
        }
        int contentWidth = (int) Math.max(1, (long) width * outHeight / height);
        return new int[] {(outWidth - contentWidth) / 2, 0, contentWidth, outHeight};
    }

    private static double[] perChannel(double[] values, int channels, String name) {
        if (values.length == channels) {
            return values.clone();
        }
        if (values.length == 1) {
            double[] filled = new double[channels];
            Arrays.fill(filled, values[0]);
            return filled;
        }
        throw new IllegalArgumentException(name + " has " + values.length
                + " values; expected 1 or " + channels);
    }
}
