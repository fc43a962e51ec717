package {{ cookiecutter.package_name }}.ml;

import java.nio.ByteBuffer;

/**
 * Turns ARGB_8888 pixels (as {@code Bitmap.getPixels} returns them) into the model's input tensor.
 *
 * <p>This class mirrors {@code scaffold/reference/preprocess.py}, the numpy reference that
 * produced this project's golden vectors; {@code GoldenClassificationTest} proves the two agree
 * (byte-for-byte for uint8/int8 inputs, within 1e-6 for float32). To keep that true, every
 * intermediate value is a {@code double} and the arithmetic is written in the reference's order.
 * If you change the preprocessing here, change the reference too and regenerate the golden data.
 *
 * <p>Steps: turn upright ({@link Orientation}: the camera rotation, or a photo's EXIF mirror and
 * rotation) → fit the image to the tensor (stretch,
 * centred crop, or letterbox) → bilinear resize with half-pixel centres → channel order (or
 * BT.601 luma for one-channel inputs) → {@code (value - mean) / std} → quantize with the tensor's
 * scale and zero-point when the input is uint8/int8.
 *
 * <p>Not thread-safe: it reuses scratch arrays between calls. Use one instance per thread.
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

    /** Letterbox padding, in 0..255 pixel values before normalization: black. */
    static final double LETTERBOX_FILL = 0.0;

    // BT.601 luma weights: the same as Pillow's convert("L") and tf.image.rgb_to_grayscale.
    private static final double LUMA_R = 0.299;
    private static final double LUMA_G = 0.587;
    private static final double LUMA_B = 0.114;

    private final TensorSpec input;
    private final int outHeight;
    private final int outWidth;
    private final int channels;
    private final double[] mean;
    private final double[] std;
    private final ChannelOrder channelOrder;
    private final ResizeMode resizeMode;
    private int[] upright = new int[0];

    /**
     * @param input the model's input tensor: NHWC {@code [1, height, width, channels]}, channels 1 or 3
     * @param mean per-channel mean in the 0..255 pixel domain, in tensor channel order (or one value for all)
     * @param std per-channel standard deviation, same layout as {@code mean}
     */
    public ImagePreprocessor(TensorSpec input, double[] mean, double[] std,
                             ChannelOrder channelOrder, ResizeMode resizeMode) {
        int[] shape = input.shape();
        if (shape.length != 4 || shape[0] != 1 || (shape[3] != 1 && shape[3] != 3)) {
            throw new IllegalArgumentException(
                    "expected an NHWC image input [1, height, width, 1 or 3], got " + input);
        }
        this.input = input;
        this.outHeight = shape[1];
        this.outWidth = shape[2];
        this.channels = shape[3];
        this.mean = perChannel(mean, channels, "mean");
        this.std = perChannel(std, channels, "std");
        this.channelOrder = channelOrder;
        this.resizeMode = resizeMode;
    }

    public TensorSpec input() {
        return input;
    }

    /** Preprocesses into a newly allocated direct buffer; see {@link #process(int[], int, int, Orientation, ByteBuffer)}. */
    public ByteBuffer process(int[] argb, int width, int height, Orientation orientation) {
        ByteBuffer out = input.allocateBuffer();
        process(argb, width, height, orientation, out);
        return out;
    }

    /**
     * Writes the input tensor for one image into {@code out} (rewound, then filled from position 0).
     *
     * @param argb {@code width * height} pixels, row by row, each {@code 0xAARRGGBB}; alpha is ignored
     * @param orientation what makes the pixels upright: {@link Orientation#ofRotation} of CameraX's
     *     {@code imageInfo.rotationDegrees}, or {@link Orientation#fromExif} of a photo's EXIF tag
     */
    public void process(int[] argb, int width, int height, Orientation orientation, ByteBuffer out) {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("pixel array is smaller than width * height");
        }
        if (out.capacity() < input.numBytes()) {
            throw new IllegalArgumentException("output buffer holds " + out.capacity()
                    + " bytes, the input tensor needs " + input.numBytes());
        }
        int[] pixels = argb;
        if (!orientation.equals(Orientation.UPRIGHT)) {
            if (upright.length < width * height) {
                upright = new int[width * height];
            }
            pixels = orientation.apply(argb, width, height, upright);
        }
        int[] size = orientation.uprightSize(width, height);
        int srcWidth = size[0];
        int srcHeight = size[1];

        // content = the part of the tensor the image lands in: all of it, except when letterboxing.
        int[] content;
        Samples xs;
        Samples ys;
        if (resizeMode == ResizeMode.LETTERBOX) {
            content = letterboxRect(srcWidth, srcHeight, outWidth, outHeight);
            xs = new Samples(0, srcWidth, content[2]);
            ys = new Samples(0, srcHeight, content[3]);
        } else {
            int[] rect = sourceRect(srcWidth, srcHeight, outWidth, outHeight, resizeMode);
            content = new int[] {0, 0, outWidth, outHeight};
            xs = new Samples(rect[0], rect[2], outWidth);
            ys = new Samples(rect[1], rect[3], outHeight);
        }

        out.rewind();
        double[] rgb = new double[3];
        for (int oy = 0; oy < outHeight; oy++) {
            int sy = oy - content[1];
            boolean rowInside = sy >= 0 && sy < content[3];
            int row0 = rowInside ? ys.lower[sy] * srcWidth : 0;
            int row1 = rowInside ? ys.upper[sy] * srcWidth : 0;
            double fy = rowInside ? ys.weight[sy] : 0.0;
            for (int ox = 0; ox < outWidth; ox++) {
                int sx = ox - content[0];
                if (!rowInside || sx < 0 || sx >= content[2]) {
                    rgb[0] = LETTERBOX_FILL;
                    rgb[1] = LETTERBOX_FILL;
                    rgb[2] = LETTERBOX_FILL;
                } else {
                    int x0 = xs.lower[sx];
                    int x1 = xs.upper[sx];
                    double fx = xs.weight[sx];
                    int p00 = pixels[row0 + x0];
                    int p01 = pixels[row0 + x1];
                    int p10 = pixels[row1 + x0];
                    int p11 = pixels[row1 + x1];
                    for (int c = 0; c < 3; c++) {
                        int shift = 16 - 8 * c; // R, G, B
                        rgb[c] = bilinear((p00 >> shift) & 0xFF, (p01 >> shift) & 0xFF,
                                (p10 >> shift) & 0xFF, (p11 >> shift) & 0xFF, fx, fy);
                    }
                }
                if (channels == 1) {
                    put(out, 0, LUMA_R * rgb[0] + LUMA_G * rgb[1] + LUMA_B * rgb[2]);
                } else if (channelOrder == ChannelOrder.BGR) {
                    put(out, 0, rgb[2]);
                    put(out, 1, rgb[1]);
                    put(out, 2, rgb[0]);
                } else {
                    put(out, 0, rgb[0]);
                    put(out, 1, rgb[1]);
                    put(out, 2, rgb[2]);
                }
            }
        }
        out.rewind();
    }

    /** Normalizes one channel value and appends it in the tensor's element type. */
    private void put(ByteBuffer out, int channel, double value) {
        double normalized = (value - mean[channel]) / std[channel];
        switch (input.dataType()) {
            case FLOAT32:
                out.putFloat((float) normalized);
                break;
            case UINT8:
                out.put((byte) quantize(normalized, 0, 255));
                break;
            case INT8:
                out.put((byte) quantize(normalized, -128, 127));
                break;
            default:
                throw new IllegalStateException("unsupported input type " + input.dataType());
        }
    }

    /**
     * {@code round(value / scale) + zeroPoint}, saturated. Rounds half away from zero, spelled out
     * because the reference does the same ({@code Math.round} rounds half up, numpy half to even).
     * An integer input without quantization parameters takes the value as it is.
     */
    private long quantize(double value, int min, int max) {
        double scaled = input.isQuantized() ? value / input.scale() : value;
        double rounded = scaled >= 0 ? Math.floor(scaled + 0.5) : -Math.floor(-scaled + 0.5);
        long q = (long) rounded + input.zeroPoint();
        return Math.max(min, Math.min(max, q));
    }

    private static double bilinear(int p00, int p01, int p10, int p11, double fx, double fy) {
        double top = p00 + (p01 - p00) * fx;
        double bottom = p10 + (p11 - p10) * fx;
        return top + (bottom - top) * fy;
    }

    /**
     * Source positions for each output column (or row) with half-pixel centres: output pixel
     * {@code i} samples {@code (i + 0.5) * scale - 0.5}, clamped to the image. That is TF2's
     * {@code tf.image.resize} (bilinear, no antialias), Keras' Resizing layer and OpenCV's
     * INTER_LINEAR convention, so a model trained with them sees the same pixels here.
     */
    private static final class Samples {
        final int[] lower;
        final int[] upper;
        final double[] weight;

        Samples(int start, int length, int outLength) {
            lower = new int[outLength];
            upper = new int[outLength];
            weight = new double[outLength];
            double scale = (double) length / outLength;
            for (int i = 0; i < outLength; i++) {
                double pos = (i + 0.5) * scale - 0.5;
                pos = Math.min(Math.max(pos, 0.0), length - 1);
                int low = (int) Math.floor(pos);
                lower[i] = low + start;
                upper[i] = Math.min(low + 1, length - 1) + start;
                weight[i] = pos - low;
            }
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
            java.util.Arrays.fill(filled, values[0]);
            return filled;
        }
        throw new IllegalArgumentException(name + " has " + values.length
                + " values; expected 1 or " + channels);
    }
}
