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
