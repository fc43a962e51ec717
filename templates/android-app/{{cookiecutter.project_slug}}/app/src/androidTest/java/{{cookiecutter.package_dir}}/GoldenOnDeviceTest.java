{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set task_runtime = cookiecutter.runtime in ("task-library", "mediapipe") -%}
package {{ cookiecutter.package_name }};

import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.content.res.AssetManager;
import android.graphics.Bitmap;

import androidx.test.ext.junit.runners.AndroidJUnit4;
import androidx.test.platform.app.InstrumentationRegistry;

{%- if detect %}
import {{ cookiecutter.package_name }}.ml.Box;
{%- endif %}
import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
import {{ cookiecutter.package_name }}.ml.Orientation;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * Runs this app's model, on this phone, with this app's runtime ({{ cookiecutter.runtime }}), on
 * every golden image, and compares with what tflite-scaffold's reference expects (the files in
 * {@code app/src/test/resources/golden}). Run it with {@code ./gradlew connectedAndroidTest}.
 *
 * <p>Tolerances: the top-1 label must be the reference's unless the reference's two best scores
 * are within {@value #NEAR_TIE}; scores within {@value #SCORE_TOLERANCE}{% if detect %}; every
 * detection scoring {@value #SCORE_TOLERANCE} or more above the threshold must be matched by one
 * of the same label whose box overlaps it by IoU {@value #MIN_IOU} or more{% if task_runtime %} (or whose edges are
 * within {@value #EDGE_TOLERANCE} pixels){% endif %}, both ways{% endif %}.
{%- if cookiecutter.runtime in ("interpreter", "compiled-model") %}
 * The app's preprocessing is the reference's (the JVM golden tests prove it bit for bit); what
 * differs on a phone is LiteRT's arithmetic on another CPU.
{%- else %}
 * The runtime preprocesses with its own resize, so its inputs differ from the reference's by a
 * few pixel levels, and its boxes are whole pixels.
{%- endif %}
 */
@RunWith(AndroidJUnit4.class)
public class GoldenOnDeviceTest {

    private static final double NEAR_TIE = 0.1;
    private static final double SCORE_TOLERANCE = {{ "0.02" if cookiecutter.runtime in ("interpreter", "compiled-model") else "0.1" }};
{%- if detect %}
    private static final double MIN_IOU = 0.9;
{%- if task_runtime %}
    /** The runtime returns whole pixels, which on a small golden image moves a small box's IoU below {@link #MIN_IOU}. */
    private static final double EDGE_TOLERANCE = 1.5;
{%- endif %}
{%- endif %}

    @Test
    public void everyGoldenImageGivesTheReferenceResult() throws Exception {
        Context app = InstrumentationRegistry.getInstrumentation().getTargetContext();
        AssetManager golden = InstrumentationRegistry.getInstrumentation().getContext().getAssets();
        Properties properties = new Properties();
        try (InputStream in = golden.open("golden/golden.properties")) {
            properties.load(in);
        }
        List<String> failures = new ArrayList<>();
        // The CPU, which computed the golden data: a GPU computes in (half) floats of its own.
        Acceleration cpu = ModelConfig.DEFAULT_ACCELERATION.withBackend(Acceleration.Backend.CPU);
{%- if cookiecutter.runtime == "mediapipe" %}
        try ({{ Helper }} helper = {{ Helper }}.create(app, cpu, (result{% if detect %}, rotationDegrees{% endif %}) -> { })) {
{%- else %}
        try ({{ Helper }} helper = {{ Helper }}.create(app, cpu)) {
{%- endif %}
            for (String name : properties.getProperty("cases").split(",")) {
                int width = Integer.parseInt(properties.getProperty("case." + name + ".width"));
                int height = Integer.parseInt(properties.getProperty("case." + name + ".height"));
                Orientation orientation = Orientation.of(
                        Integer.parseInt(properties.getProperty("case." + name + ".rotation")),
                        Boolean.parseBoolean(properties.getProperty("case." + name + ".mirrored")));
                Bitmap image = Bitmap.createBitmap(pixels(golden, name, width * height), width, height, Bitmap.Config.ARGB_8888);
{%- if detect %}
                compare(name, helper.detect(image, orientation), rows(golden, name + ".configured.detections.tsv"), failures);
{%- else %}
                compare(name, helper.classify(image, orientation), rows(golden, name + ".topk.tsv"), failures);
{%- endif %}
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }
{%- if detect %}

    /** Matches both ways, for detections clearly above the threshold. */
    private static void compare(String name, {{ Helper }}.Result actual, List<String[]> expected, List<String> failures) {
        double clear = ModelConfig.SCORE_THRESHOLD + SCORE_TOLERANCE;
        for (String[] row : expected) {
            Box box = new Box(Double.parseDouble(row[7]), Double.parseDouble(row[8]), Double.parseDouble(row[9]), Double.parseDouble(row[10]));
            if (Double.parseDouble(row[2]) >= clear && !found(actual, row[1], box)) {
                failures.add(name + ": the reference's " + row[1] + " " + row[2] + " at " + box + " is missing");
            }
        }
        for (int i = 0; i < actual.detections.size(); i++) {
            String label = actual.detections.get(i).label();
            if (actual.detections.get(i).score() < clear) {
                continue;
            }
            boolean matched = false;
            for (String[] row : expected) {
                Box box = new Box(Double.parseDouble(row[7]), Double.parseDouble(row[8]), Double.parseDouble(row[9]), Double.parseDouble(row[10]));
                matched |= row[1].equals(label) && sameBox(box, actual.imageBoxes.get(i));
            }
            if (!matched) {
                failures.add(name + ": " + label + " " + actual.detections.get(i).score() + " at " + actual.imageBoxes.get(i)
                        + " is not in the reference");
            }
        }
    }

    private static boolean found({{ Helper }}.Result actual, String label, Box box) {
        for (int i = 0; i < actual.detections.size(); i++) {
            if (actual.detections.get(i).label().equals(label) && sameBox(actual.imageBoxes.get(i), box)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameBox(Box a, Box b) {
{%- if task_runtime %}
        return a.iou(b) >= MIN_IOU
                || (Math.abs(a.left() - b.left()) <= EDGE_TOLERANCE && Math.abs(a.top() - b.top()) <= EDGE_TOLERANCE
                        && Math.abs(a.right() - b.right()) <= EDGE_TOLERANCE
                        && Math.abs(a.bottom() - b.bottom()) <= EDGE_TOLERANCE);
{%- else %}
        return a.iou(b) >= MIN_IOU;
{%- endif %}
    }
{%- else %}

    /**
     * The same top-1, or on a near-tie one of the reference's labels within {@link #NEAR_TIE} of
     * its best; and every label in both top-k lists scoring within the tolerance.
     */
    private static void compare(String name, {{ Helper }}.Result actual, List<String[]> expected, List<String> failures) {
        if (expected.isEmpty() || actual.categories.isEmpty()) {
            failures.add(name + ": no result");
            return;
        }
        double best = Double.parseDouble(expected.get(0)[2]);
        String top1 = actual.categories.get(0).label();
        boolean acceptable = false;
        for (int i = 0; i < expected.size(); i++) {
            String[] row = expected.get(i);
            acceptable |= row[1].equals(top1) && (i == 0 || best - Double.parseDouble(row[2]) < NEAR_TIE);
        }
        if (!acceptable) {
            failures.add(name + ": top-1 is " + top1 + ", the reference says " + expected.get(0)[1]);
        }
        for ({{ cookiecutter.package_name }}.ml.Category category : actual.categories) {
            for (String[] row : expected) {
                double score = Double.parseDouble(row[2]);
                if (category.label().equals(row[1]) && Math.abs(category.score() - score) > SCORE_TOLERANCE) {
                    failures.add(name + ": " + row[1] + " scores " + category.score() + ", the reference " + score);
                }
            }
        }
    }
{%- endif %}

    /** A golden image: big-endian ARGB ints, row by row, as stored. */
    private static int[] pixels(AssetManager golden, String name, int count) throws IOException {
        int[] pixels = new int[count];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(golden.open("golden/" + name + ".argb")))) {
            for (int i = 0; i < count; i++) {
                pixels[i] = in.readInt();
            }
        }
        return pixels;
    }

    private static List<String[]> rows(AssetManager golden, String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(golden.open("golden/" + file), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }
}
