package {{ cookiecutter.package_name }}.ml;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Loads the golden vectors tflite-scaffold wrote into {@code src/test/resources/golden/}.
 *
 * <p>Each case is one source image with everything the numpy reference computed from it:
 * {@code <case>.argb} (the pixels, big-endian 0xAARRGGBB ints), {@code <case>.input.bin} (the
 * input tensor, little-endian), what the model returned for that tensor in LiteRT (little-endian:
 * {@code <case>.output.bin}, or {@code <case>.output<i>.bin} per output of a detector) and the
 * expected results ({@code <case>.topk.tsv}, or {@code <case>.<variant>.detections.tsv}).
 * Regenerate the project rather than editing these files.
 */
final class GoldenData {

    /** Where Gradle runs unit tests from (the app module), so the shipped assets are reachable. */
    static final File ASSETS = new File("src/main/assets");

    private static Properties properties;

    private GoldenData() {}

    static synchronized Properties properties() {
        if (properties == null) {
            Properties loaded = new Properties();
            try (InputStream in = open("golden.properties")) {
                loaded.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read golden/golden.properties", e);
            }
            properties = loaded;
        }
        return properties;
    }

    static List<Object[]> caseNames() {
        List<Object[]> cases = new ArrayList<>();
        for (String name : properties().getProperty("cases").split(",")) {
            cases.add(new Object[] {name.trim()});
        }
        return cases;
    }

    static String caseProperty(String caseName, String key) {
        return property("case." + caseName + "." + key);
    }

    static int caseInt(String caseName, String key) {
        return Integer.parseInt(caseProperty(caseName, key));
    }

    /**
     * How the case's stored pixels are turned upright: from its EXIF tag for photos (so the
     * app's EXIF table is what is tested), else from its camera rotation.
     */
    static Orientation orientation(String caseName) {
        String exif = properties().getProperty("case." + caseName + ".exif");
        return exif != null
                ? Orientation.fromExif(Integer.parseInt(exif))
                : Orientation.ofRotation(caseInt(caseName, "rotation"));
    }

    /** "input" or "output" tensor as the reference saw it. */
    static TensorSpec tensor(String which) {
        Properties p = properties();
        String[] dims = p.getProperty(which + ".shape").split(",");
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = Integer.parseInt(dims[i].trim());
        }
        return new TensorSpec(shape,
                TensorSpec.DataType.valueOf(p.getProperty(which + ".type")),
                Float.parseFloat(p.getProperty(which + ".scale")),
                Integer.parseInt(p.getProperty(which + ".zeroPoint")));
    }

    static int[] pixels(String caseName) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(read(caseName + ".argb")).order(ByteOrder.BIG_ENDIAN);
        int[] pixels = new int[bytes.remaining() / 4];
        bytes.asIntBuffer().get(pixels);
        return pixels;
    }

    /** A little-endian tensor file as a buffer positioned at 0. */
    static ByteBuffer tensorBytes(String fileName) throws IOException {
        return ByteBuffer.wrap(read(fileName)).order(ByteOrder.LITTLE_ENDIAN);
    }

    static String property(String key) {
        String value = properties().getProperty(key);
        if (value == null) {
            throw new IllegalStateException("golden.properties lacks " + key);
        }
        return value;
    }

    /** A detector's output tensors, in the model's order. */
    static List<TensorSpec> detectorOutputs() {
        List<TensorSpec> outputs = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(property("outputs")); i++) {
            outputs.add(tensor("output." + i));
        }
        return outputs;
    }

    /** A little-endian output file copied into a native-order buffer, as the interpreter fills it. */
    static ByteBuffer outputBuffer(TensorSpec spec, String fileName) throws IOException {
        ByteBuffer raw = tensorBytes(fileName);
        ByteBuffer output = spec.allocateBuffer();
        while (raw.hasRemaining()) {
            if (spec.dataType() == TensorSpec.DataType.FLOAT32) {
                output.putFloat(raw.getFloat());
            } else {
                output.put(raw.get());
            }
        }
        output.rewind();
        return output;
    }

    /**
     * Rows of a results TSV: index, label, then {@code numbers} numeric columns. The label sits
     * between the first tab and the last {@code numbers} tabs, so it may contain tabs itself.
     */
    static List<String[]> rows(String fileName, int numbers) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(fileName)) {
            String[] row = new String[numbers + 2];
            int first = line.indexOf('\t');
            row[0] = line.substring(0, first);
            int end = line.length();
            for (int k = numbers; k >= 1; k--) {
                int tab = line.lastIndexOf('\t', end - 1);
                row[k + 1] = line.substring(tab + 1, end);
                end = tab;
            }
            row[1] = line.substring(first + 1, end);
            rows.add(row);
        }
        return rows;
    }

    /** The non-empty lines of a golden text file (LF or, in a Windows checkout, CRLF). */
    static List<String> lines(String fileName) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : new String(read(fileName), StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static List<String> shippedLabels() throws IOException {
        try (InputStream in = new FileInputStream(new File(ASSETS, ModelConfig.LABELS_ASSET))) {
            return Labels.read(in);
        }
    }

{%- if cookiecutter.task == "detect" and cookiecutter.detector == "raw" %}
    /** The anchors the app ships, or null when the model outputs decoded boxes. */
    static float[] shippedAnchors() throws IOException {
        if (ModelConfig.ANCHORS_ASSET == null) {
            return null;
        }
        try (InputStream in = new FileInputStream(new File(ASSETS, ModelConfig.ANCHORS_ASSET))) {
            return DetectionPostprocessor.readAnchors(in);
        }
    }

{% endif %}
    private static byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = GoldenData.class.getResourceAsStream("/golden/" + name);
        if (in == null) {
            throw new IOException("golden/" + name + " is not on the test classpath; "
                    + "generate the project with tflite-scaffold to create the golden data");
        }
        return in;
    }
}
