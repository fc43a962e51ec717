package {{ cookiecutter.package_name }}.ml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Proves this app's Java preprocessing reproduces tflite-scaffold's numpy reference on every
 * golden image, so what the model sees on the phone is what it saw in Python.
 */
@RunWith(Parameterized.class)
public class GoldenPreprocessingTest {

    /** float32 tensors may differ by at most this much; integer tensors not at all. */
    private static final double TOLERANCE = 1e-6;

    @Parameters(name = "{0}")
    public static Collection<Object[]> cases() {
        return GoldenData.caseNames();
    }

    private final String caseName;

    public GoldenPreprocessingTest(String caseName) {
        this.caseName = caseName;
    }

    @Test
    public void preprocessingReproducesReferenceTensor() throws IOException {
        TensorSpec input = GoldenData.tensor("input");
        ImagePreprocessor preprocessor = ModelConfig.newPreprocessor(input);
        ByteBuffer actual = preprocessor.process(GoldenData.pixels(caseName),
                GoldenData.caseInt(caseName, "width"), GoldenData.caseInt(caseName, "height"),
                GoldenData.orientation(caseName));
        ByteBuffer expected = GoldenData.tensorBytes(caseName + ".input.bin");
        assertEquals("input tensor size", expected.capacity(), actual.capacity());

        int[] shape = input.shape();
        int channels = shape[3];
        int width = shape[2];
        if (input.dataType() == TensorSpec.DataType.FLOAT32) {
            int worst = -1;
            double worstError = 0;
            for (int i = 0; i < input.numElements(); i++) {
                double error = Math.abs((double) actual.getFloat(4 * i) - expected.getFloat(4 * i));
                if (error > worstError) {
                    worstError = error;
                    worst = i;
                }
            }
            if (worstError > TOLERANCE) {
                fail(String.format("%s at %s: java %s, reference %s (|error| %.3g > %.0g)",
                        caseName, position(worst, width, channels), actual.getFloat(4 * worst),
                        expected.getFloat(4 * worst), worstError, TOLERANCE));
            }
        } else {
            for (int i = 0; i < input.numBytes(); i++) {
                if (actual.get(i) != expected.get(i)) {
                    fail(String.format("%s at %s: java %d, reference %d (%s input must match byte for byte)",
                            caseName, position(i, width, channels), actual.get(i), expected.get(i),
                            input.dataType()));
                }
            }
        }
    }

    /**
     * The camera path gives the same tensor as the ARGB path above: the same pixels as RGBA_8888
     * bytes in a larger frame with padded rows (CameraX's row stride) and the image at a crop
     * offset, read by RgbaReader as ABGR ints.
     */
    @Test
    public void cameraFramePathReproducesReferenceTensor() throws IOException {
        TensorSpec input = GoldenData.tensor("input");
        int width = GoldenData.caseInt(caseName, "width");
        int height = GoldenData.caseInt(caseName, "height");
        int[] argb = GoldenData.pixels(caseName);
        int left = 3;
        int top = 2;
        int rowStride = (left + width + 5) * 4;
        ByteBuffer frame = ByteBuffer.allocateDirect(rowStride * (top + height + 1));
        for (int i = 0; i < frame.capacity(); i++) {
            frame.put(i, (byte) (i * 31)); // a border the crop must leave out
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                int at = (top + y) * rowStride + (left + x) * 4;
                frame.put(at, (byte) (p >> 16));
                frame.put(at + 1, (byte) (p >> 8));
                frame.put(at + 2, (byte) p);
                frame.put(at + 3, (byte) (p >>> 24));
            }
        }
        RgbaReader reader = new RgbaReader();
        int[] pixels = reader.read(frame, rowStride, top + height + 1);
        ImagePreprocessor preprocessor = ModelConfig.newPreprocessor(input);
        ByteBuffer actual = input.allocateBuffer();
        preprocessor.process(pixels, top * reader.stride() + left, reader.stride(), width, height,
                ImagePreprocessor.PixelLayout.ABGR, GoldenData.orientation(caseName), actual);
        ByteBuffer expected = preprocessor.process(argb, width, height, GoldenData.orientation(caseName));
        for (int i = 0; i < input.numBytes(); i++) {
            if (actual.get(i) != expected.get(i)) {
                fail(caseName + ": the RGBA camera path differs from the ARGB path at byte " + i);
            }
        }
    }

    @Test
    public void inputValuesMatchReference() {
        assertEquals(caseName + ": what the input tensor takes", GoldenData.property("input.values"),
                ModelConfig.newPreprocessor(GoldenData.tensor("input")).values().name());
    }

    @Test
    public void orientationMatchesReference() {
        Orientation orientation = GoldenData.orientation(caseName);
        assertEquals(caseName + ": clockwise rotation", GoldenData.caseInt(caseName, "rotation"),
                orientation.rotationDegrees());
        assertEquals(caseName + ": mirrored", Boolean.parseBoolean(GoldenData.caseProperty(caseName, "mirrored")),
                orientation.mirrored());
    }

    private static String position(int element, int width, int channels) {
        int pixel = element / channels;
        return String.format("y=%d x=%d channel=%d", pixel / width, pixel % width, element % channels);
    }
}
