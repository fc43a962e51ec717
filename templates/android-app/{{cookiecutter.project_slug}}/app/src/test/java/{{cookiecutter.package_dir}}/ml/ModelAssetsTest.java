package {{ cookiecutter.package_name }}.ml;

{%- if cookiecutter.runtime == "compiled-model" %}
import static org.junit.Assert.assertArrayEquals;
{%- endif %}
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
{%- if cookiecutter.task == "detect" or cookiecutter.runtime == "compiled-model" %}
import java.util.List;
{%- endif %}
import org.junit.Test;

/** The files the app loads at run time are present and agree with the model the golden data came from. */
public class ModelAssetsTest {

    @Test
    public void modelAssetIsATfliteFlatbuffer() throws IOException {
        File model = new File(GoldenData.ASSETS, ModelConfig.MODEL_ASSET);
        assertTrue(model + " is missing", model.isFile());
        byte[] header = new byte[8];
        try (InputStream in = new FileInputStream(model)) {
            assertEquals("model header length", 8, in.read(header));
        }
        assertEquals("TFLite file identifier", "TFL3",
                new String(Arrays.copyOfRange(header, 4, 8), StandardCharsets.US_ASCII));
    }

{%- if cookiecutter.task == "classify" %}
    @Test
    public void labelsMatchTheModelOutput() throws IOException {
        int classes = GoldenData.tensor("output").numElements();
        assertEquals("labels in " + ModelConfig.LABELS_ASSET + " vs model output width",
                classes, GoldenData.shippedLabels().size());
    }
{%- else %}
    @Test
    public void labelsMatchTheDetectorClasses() throws IOException {
        assertEquals("labels in " + ModelConfig.LABELS_ASSET + " vs classes the detector reports",
                Integer.parseInt(GoldenData.property("numClasses")), GoldenData.shippedLabels().size());
    }

    @Test
    public void postprocessorAcceptsTheModelOutputs() throws IOException {
        List<TensorSpec> outputs = GoldenData.detectorOutputs();
{%- if cookiecutter.detector == "raw" %}
        DetectionPostprocessor postprocessor =
                ModelConfig.newPostprocessor(outputs, GoldenData.shippedLabels(), GoldenData.shippedAnchors());
{%- else %}
        DetectionPostprocessor postprocessor = ModelConfig.newPostprocessor(outputs, GoldenData.shippedLabels());
{%- endif %}
        assertEquals(outputs.size(), postprocessor.outputs().size());
    }
{%- endif %}

    @Test
    public void preprocessorAcceptsTheModelInput() {
        TensorSpec input = GoldenData.tensor("input");
        assertEquals(input.numBytes(), ModelConfig.newPreprocessor(input).process(new int[4], 2, 2, Orientation.UPRIGHT).capacity());
    }
{%- if cookiecutter.runtime == "compiled-model" %}

    /** The tensor descriptions written into ModelConfig (CompiledModel reports no quantization) are the model's. */
    @Test
    public void tensorDescriptionsAreTheModels() {
        assertSameSpec("input", GoldenData.tensor("input"), ModelConfig.INPUT);
{%- if cookiecutter.task == "detect" %}
        List<TensorSpec> outputs = GoldenData.detectorOutputs();
{%- else %}
        List<TensorSpec> outputs = Arrays.asList(GoldenData.tensor("output"));
{%- endif %}
        assertEquals("outputs", outputs.size(), ModelConfig.OUTPUTS.size());
        for (int i = 0; i < outputs.size(); i++) {
            assertSameSpec("output " + i, outputs.get(i), ModelConfig.OUTPUTS.get(i));
        }
    }

    private static void assertSameSpec(String what, TensorSpec expected, TensorSpec actual) {
        assertArrayEquals(what + " shape", expected.shape(), actual.shape());
        assertEquals(what + " type", expected.dataType(), actual.dataType());
        assertEquals(what + " scale", expected.scale(), actual.scale(), 0f);
        assertEquals(what + " zero-point", expected.zeroPoint(), actual.zeroPoint());
    }
{%- endif %}
}
