package {{ cookiecutter.package_name }}.ml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Proves this app's Java post-processing turns the model's raw output (as LiteRT returned it for
 * each golden image) into the same top-k as tflite-scaffold's numpy reference.
 */
@RunWith(Parameterized.class)
public class GoldenClassificationTest {

    /** Scores may differ by at most this much (labels and order must be identical). */
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
    public void postprocessingReproducesReferenceTopK() throws IOException {
        TensorSpec outputSpec = GoldenData.tensor("output");
        ClassificationPostprocessor postprocessor =
                ModelConfig.newPostprocessor(outputSpec, GoldenData.shippedLabels());
        List<Category> actual = postprocessor.process(GoldenData.outputBuffer(outputSpec, caseName + ".output.bin"));
        List<String[]> expected = GoldenData.rows(caseName + ".topk.tsv", 1);

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
}
