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
 * input tensor, little-endian), {@code <case>.output.bin} (what the model returned for that tensor
 * in LiteRT, little-endian) and {@code <case>.topk.tsv} (index, label, score). Regenerate the
 * project rather than editing these files.
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
        String value = properties().getProperty("case." + caseName + "." + key);
        if (value == null) {
            throw new IllegalStateException("golden.properties lacks case." + caseName + "." + key);
        }
        return value;
    }

    static int caseInt(String caseName, String key) {
        return Integer.parseInt(caseProperty(caseName, key));
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

    /** Rows of {index, label, score}, best first. */
    static List<String[]> topK(String caseName) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(read(caseName + ".topk.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                // index <TAB> label <TAB> score; the label itself may contain tabs.
                int first = line.indexOf('\t');
                int last = line.lastIndexOf('\t');
                rows.add(new String[] {line.substring(0, first), line.substring(first + 1, last),
                        line.substring(last + 1)});
            }
        }
        return rows;
    }

    static List<String> shippedLabels() throws IOException {
        try (InputStream in = new FileInputStream(new File(ASSETS, ModelConfig.LABELS_ASSET))) {
            return Labels.read(in);
        }
    }

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
