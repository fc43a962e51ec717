package {{ cookiecutter.package_name }}.ml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Proves this app's Java detection code reproduces tflite-scaffold's numpy reference for every
 * golden image (the synthetic card at each camera rotation and EXIF orientation, plus your
 * --golden-image files) and
 * every options variant: "configured" is this app's threshold, result limit and allowlist;
 * "filtered" is stricter (higher threshold, fewer results, half the labels, tighter NMS) so those
 * code paths are exercised whatever you configured; raw-output models add the NMS mode not
 * configured ("nms-per-class" or "nms-class-agnostic"). Checked: decoding, NMS, thresholds, allowlist,
 * and each box mapped to the image, to a FILL_CENTER / fitCenter view, and to a front camera's
 * mirrored preview shown a quarter turn from the frames.
 */
@RunWith(Parameterized.class)
public class GoldenDetectionTest {

    /** Scores and normalized boxes: absolute. Pixels: absolute, on coordinates up to a few thousand. */
    private static final double TOLERANCE = 1e-6;
    private static final double PIXEL_TOLERANCE = 1e-6;

    @Parameters(name = "{0} {1}")
    public static Collection<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (Object[] golden : GoldenData.caseNames()) {
            for (String variant : GoldenData.property("variants").split(",")) {
                cases.add(new Object[] {golden[0], variant});
            }
        }
        return cases;
    }

    private final String caseName;
    private final String variant;

    public GoldenDetectionTest(String caseName, String variant) {
        this.caseName = caseName;
        this.variant = variant;
    }

    @Test
    public void detectionsReproduceReference() throws IOException {
        List<TensorSpec> outputs = GoldenData.detectorOutputs();
        ByteBuffer[] buffers = new ByteBuffer[outputs.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = GoldenData.outputBuffer(outputs.get(i), caseName + ".output" + i + ".bin");
        }
        List<Detection> actual = newPostprocessor(outputs).process(buffers, options());
        List<String[]> expected = GoldenData.rows(caseName + "." + variant + ".detections.tsv", 21);

        int[] size = GoldenData.orientation(caseName).uprightSize(GoldenData.caseInt(caseName, "width"),
                GoldenData.caseInt(caseName, "height"));
        int[] tensor = GoldenData.tensor("input").shape();
        ImageGeometry geometry = new ImageGeometry(size[0], size[1], tensor[2], tensor[1], ModelConfig.RESIZE_MODE);
        int viewWidth = Integer.parseInt(GoldenData.property("view.width"));
        int viewHeight = Integer.parseInt(GoldenData.property("view.height"));
        Orientation front = Orientation.of(Integer.parseInt(GoldenData.property("view.front.rotation")),
                Boolean.parseBoolean(GoldenData.property("view.front.mirrored")));
        int[] frontSize = front.uprightSize(size[0], size[1]);

        assertEquals(caseName + " " + variant + ": number of detections", expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] row = expected.get(i);
            Detection detection = actual.get(i);
            String where = caseName + " " + variant + " detection " + (i + 1);
            assertEquals(where + " class index", Integer.parseInt(row[0]), detection.index());
            assertEquals(where + " label", row[1], detection.label());
            assertClose(where + " score", Double.parseDouble(row[2]), detection.score(), TOLERANCE);
            // The reference writes boxes as top, left, bottom, right.
            Box box = detection.box();
            assertBox(where + " box", new double[] {box.top(), box.left(), box.bottom(), box.right()}, row, 3, TOLERANCE);
            Box image = geometry.toImage(box);
            assertBox(where + " image box", corners(image), row, 7, PIXEL_TOLERANCE);
            Box fill = ImageGeometry.toView(image, size[0], size[1], viewWidth, viewHeight, true);
            assertBox(where + " camera view box", corners(fill), row, 11, PIXEL_TOLERANCE);
            Box fit = ImageGeometry.toView(image, size[0], size[1], viewWidth, viewHeight, false);
            assertBox(where + " photo view box", corners(fit), row, 15, PIXEL_TOLERANCE);
            Box turned = ImageGeometry.orient(image, size[0], size[1], front);
            Box frontView = ImageGeometry.toView(turned, frontSize[0], frontSize[1], viewWidth, viewHeight, true);
            assertBox(where + " front camera view box", corners(frontView), row, 19, PIXEL_TOLERANCE);
        }
    }

    @Test
    public void configuredOptionsMatchReference() throws IOException {
        if (!variant.equals("configured")) {
            return;
        }
        DetectionOptions configured = ModelConfig.detectionOptions();
        DetectionOptions reference = options();
        assertEquals("score threshold", reference.scoreThreshold(), configured.scoreThreshold(), 0.0);
        assertEquals("max results", reference.maxResults(), configured.maxResults());
        assertEquals("label allowlist", reference.labelAllowlist(), configured.labelAllowlist());
{%- if cookiecutter.detector == "raw" %}
        assertEquals("IoU threshold", reference.iouThreshold(), configured.iouThreshold(), 0.0);
        assertEquals("NMS", reference.nms(), configured.nms());
{%- endif %}
    }

    private DetectionPostprocessor newPostprocessor(List<TensorSpec> outputs) throws IOException {
{%- if cookiecutter.detector == "raw" %}
        return ModelConfig.newPostprocessor(outputs, GoldenData.shippedLabels(), GoldenData.shippedAnchors());
{%- else %}
        return ModelConfig.newPostprocessor(outputs, GoldenData.shippedLabels());
{%- endif %}
    }

    private DetectionOptions options() throws IOException {
        String prefix = "variant." + variant + ".";
        return new DetectionOptions(
                Double.parseDouble(GoldenData.property(prefix + "scoreThreshold")),
                Integer.parseInt(GoldenData.property(prefix + "maxResults")),
{%- if cookiecutter.detector == "raw" %}
                new LinkedHashSet<>(GoldenData.lines(variant + ".allowlist.txt")),
                Double.parseDouble(GoldenData.property(prefix + "iouThreshold")),
                DetectionOptions.Nms.valueOf(GoldenData.property(prefix + "nms")));
{%- else %}
                new LinkedHashSet<>(GoldenData.lines(variant + ".allowlist.txt")));
{%- endif %}
    }

    private static double[] corners(Box box) {
        return new double[] {box.left(), box.top(), box.right(), box.bottom()};
    }

    private static void assertBox(String what, double[] actual, String[] row, int firstColumn, double tolerance) {
        for (int k = 0; k < 4; k++) {
            assertClose(what + " coordinate " + k, Double.parseDouble(row[firstColumn + k]), actual[k], tolerance);
        }
    }

    private static void assertClose(String what, double expected, double actual, double tolerance) {
        assertTrue(String.format("%s: java %s, reference %s", what, actual, expected),
                Math.abs(expected - actual) <= tolerance);
    }
}
