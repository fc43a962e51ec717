package {{ cookiecutter.package_name }}.ml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Proves this app's Java preprocessing and post-processing reproduce tflite-scaffold's numpy
 * reference on every golden image, so what the model sees on the phone is what it saw in Python.
 */
@RunWith(Parameterized.class)
public class GoldenClassificationTest {

    /** float32 tensors and scores may differ by at most this much; integer tensors not at all. */
    private static final double TOLERANCE = 1e-6;

    @Parameters(name = "{0}")
    public static Collection<Object[]> cases() {
        return GoldenData.caseNames();
    }

    private final String caseName;

    public GoldenClassificationTest(String caseName) {
        this.caseName = caseName;
    }

    @Test
    public void preprocessingReproducesReferenceTensor() throws IOException {
        TensorSpec input = GoldenData.tensor("input");
        ImagePreprocessor preprocessor = ModelConfig.newPreprocessor(input);
        ByteBuffer actual = preprocessor.process(GoldenData.pixels(caseName),
                GoldenData.caseInt(caseName, "width"), GoldenData.caseInt(caseName, "height"),
                GoldenData.caseInt(caseName, "rotation"));
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
    public void postprocessingReproducesReferenceTopK() throws IOException {
        TensorSpec outputSpec = GoldenData.tensor("output");
        ClassificationPostprocessor postprocessor =
                ModelConfig.newPostprocessor(outputSpec, GoldenData.shippedLabels());
        ByteBuffer raw = GoldenData.tensorBytes(caseName + ".output.bin");
        // The interpreter fills a native-order buffer; the golden file is little-endian.
        ByteBuffer output = outputSpec.allocateBuffer();
        while (raw.hasRemaining()) {
            if (outputSpec.dataType() == TensorSpec.DataType.FLOAT32) {
                output.putFloat(raw.getFloat());
            } else {
                output.put(raw.get());
            }
        }
        List<Category> actual = postprocessor.process(output);
        List<String[]> expected = GoldenData.topK(caseName);

        assertEquals(caseName + ": number of results", expected.size(), actual.size());
        for (int rank = 0; rank < expected.size(); rank++) {
            String[] row = expected.get(rank);
            Category category = actual.get(rank);
            String where = caseName + " rank " + (rank + 1);
            assertEquals(where + " class index", Integer.parseInt(row[0]), category.index());
            assertEquals(where + " label", row[1], category.label());
            double error = Math.abs(category.score() - Double.parseDouble(row[2]));
            assertTrue(String.format("%s score: java %s, reference %s", where, category.score(), row[2]),
                    error <= TOLERANCE);
        }
    }

    private static String position(int element, int width, int channels) {
        int pixel = element / channels;
        return String.format("y=%d x=%d channel=%d", pixel / width, pixel % width, element % channels);
    }
}
