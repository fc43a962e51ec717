{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set task_runtime = cookiecutter.runtime in ("task-library", "mediapipe") -%}
package {{ cookiecutter.package_name }}

import android.content.res.AssetManager
import android.graphics.Bitmap
import androidx.test.ext.junit.runners.AndroidJUnit4
import androidx.test.platform.app.InstrumentationRegistry
{%- if detect %}
import {{ cookiecutter.package_name }}.ml.Box
{%- endif %}
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.ModelConfig
import {{ cookiecutter.package_name }}.ml.Orientation
import java.io.DataInputStream
import java.util.Properties
import kotlin.math.abs
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith

/**
 * Runs this app's model, on this phone, with this app's runtime ({{ cookiecutter.runtime }}), on
 * every golden image, and compares with what tflite-scaffold's reference expects (the files in
 * `app/src/test/resources/golden`). Run it with `./gradlew connectedAndroidTest`.
 *
 * Tolerances: the top-1 label must be the reference's unless the reference's two best scores are
 * within [NEAR_TIE]; scores within [SCORE_TOLERANCE]{% if detect %}; every detection scoring [SCORE_TOLERANCE] or
 * more above the threshold must be matched by one of the same label whose box overlaps it by IoU
 * [MIN_IOU] or more{% if task_runtime %} (or edges within [EDGE_TOLERANCE] pixels){% endif %}, both ways{% endif %}.
{%- if cookiecutter.runtime in ("interpreter", "compiled-model") %}
 * The app's preprocessing is the reference's (the JVM golden tests prove it bit for bit); what
 * differs on a phone is LiteRT's arithmetic on another CPU.
{%- else %}
 * The runtime preprocesses with its own resize, so its inputs differ from the reference's by a
 * few pixel levels, and its boxes are whole pixels.
{%- endif %}
 */
@RunWith(AndroidJUnit4::class)
class GoldenOnDeviceTest {

    @Test
    fun everyGoldenImageGivesTheReferenceResult() {
        val instrumentation = InstrumentationRegistry.getInstrumentation()
        val golden = instrumentation.context.assets
        val properties = Properties().apply { golden.open("golden/golden.properties").use { load(it) } }
        val failures = mutableListOf<String>()
        // The CPU, which computed the golden data: a GPU computes in (half) floats of its own.
        val cpu = ModelConfig.DEFAULT_ACCELERATION.withBackend(Acceleration.Backend.CPU)
{%- if cookiecutter.runtime == "mediapipe" %}
        {{ Helper }}.create(instrumentation.targetContext, cpu) { _{% if detect %}, _{% endif %} -> }.use { helper ->
{%- else %}
        {{ Helper }}.create(instrumentation.targetContext, cpu).use { helper ->
{%- endif %}
            for (name in properties.getProperty("cases").split(",")) {
                val width = properties.getProperty("case.$name.width").toInt()
                val height = properties.getProperty("case.$name.height").toInt()
                val orientation = Orientation.of(
                    properties.getProperty("case.$name.rotation").toInt(),
                    properties.getProperty("case.$name.mirrored").toBoolean(),
                )
                val image = Bitmap.createBitmap(pixels(golden, name, width * height), width, height, Bitmap.Config.ARGB_8888)
{%- if detect %}
                compare(name, helper.detect(image, orientation), rows(golden, "$name.configured.detections.tsv"), failures)
{%- else %}
                compare(name, helper.classify(image, orientation), rows(golden, "$name.topk.tsv"), failures)
{%- endif %}
            }
        }
        assertTrue(failures.joinToString("\n"), failures.isEmpty())
    }
{%- if detect %}

    /** Matches both ways, for detections clearly above the threshold. */
    private fun compare(name: String, actual: {{ Helper }}.Result, expected: List<List<String>>, failures: MutableList<String>) {
        val clear = ModelConfig.SCORE_THRESHOLD + SCORE_TOLERANCE
        val reference = expected.map { row -> Triple(row[1], row[2].toDouble(), Box(row[7].toDouble(), row[8].toDouble(), row[9].toDouble(), row[10].toDouble())) }
        for ((label, score, box) in reference) {
            val found = actual.detections.indices.any { actual.detections[it].label() == label && sameBox(actual.imageBoxes[it], box) }
            if (score >= clear && !found) failures += "$name: the reference's $label $score at $box is missing"
        }
        for (i in actual.detections.indices) {
            val detection = actual.detections[i]
            if (detection.score() < clear) continue
            if (reference.none { (label, _, box) -> label == detection.label() && sameBox(box, actual.imageBoxes[i]) }) {
                failures += "$name: ${detection.label()} ${detection.score()} at ${actual.imageBoxes[i]} is not in the reference"
            }
        }
    }

{%- if task_runtime %}

    /**
     * IoU [MIN_IOU] or more, or every edge within [EDGE_TOLERANCE] pixels: the runtime returns whole
     * pixels, which on a small golden image moves a small box's IoU below [MIN_IOU].
     */
    private fun sameBox(a: Box, b: Box): Boolean =
        a.iou(b) >= MIN_IOU || (abs(a.left() - b.left()) <= EDGE_TOLERANCE && abs(a.top() - b.top()) <= EDGE_TOLERANCE &&
            abs(a.right() - b.right()) <= EDGE_TOLERANCE && abs(a.bottom() - b.bottom()) <= EDGE_TOLERANCE)
{%- else %}

    private fun sameBox(a: Box, b: Box): Boolean = a.iou(b) >= MIN_IOU
{%- endif %}
{%- else %}

    /**
     * The same top-1, or on a near-tie one of the reference's labels within [NEAR_TIE] of its
     * best; and every label in both top-k lists scoring within the tolerance.
     */
    private fun compare(name: String, actual: {{ Helper }}.Result, expected: List<List<String>>, failures: MutableList<String>) {
        if (expected.isEmpty() || actual.categories.isEmpty()) {
            failures += "$name: no result"
            return
        }
        val best = expected[0][2].toDouble()
        val top1 = actual.categories[0].label()
        if (expected.none { it[1] == top1 && (it === expected[0] || best - it[2].toDouble() < NEAR_TIE) }) {
            failures += "$name: top-1 is $top1, the reference says ${expected[0][1]}"
        }
        for (category in actual.categories) {
            expected.filter { it[1] == category.label() && abs(category.score() - it[2].toDouble()) > SCORE_TOLERANCE }
                .forEach { failures += "$name: ${it[1]} scores ${category.score()}, the reference ${it[2]}" }
        }
    }
{%- endif %}

    /** A golden image: big-endian ARGB ints, row by row, as stored. */
    private fun pixels(golden: AssetManager, name: String, count: Int): IntArray =
        DataInputStream(golden.open("golden/$name.argb").buffered()).use { input -> IntArray(count) { input.readInt() } }

    private fun rows(golden: AssetManager, file: String): List<List<String>> =
        golden.open("golden/$file").bufferedReader().useLines { lines -> lines.filter { it.isNotEmpty() }.map { it.split("\t") }.toList() }

    private companion object {
        const val NEAR_TIE = 0.1
        const val SCORE_TOLERANCE = {{ "0.02" if cookiecutter.runtime in ("interpreter", "compiled-model") else "0.1" }}
{%- if detect %}
        const val MIN_IOU = 0.9
{%- if task_runtime %}
        const val EDGE_TOLERANCE = 1.5
{%- endif %}
{%- endif %}
    }
}
