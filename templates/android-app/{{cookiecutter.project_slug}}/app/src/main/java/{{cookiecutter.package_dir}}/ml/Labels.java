package {{ cookiecutter.package_name }}.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a label file: one label per line, line {@code i} names output index {@code i}.
 *
 * <p>Same rules as tflite-scaffold's Python parser: trailing blank lines are ignored, a blank line
 * in the middle is an error (skipping it would shift every later label by one).
 */
public final class Labels {

    private Labels() {}

    public static List<String> read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).trim().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<String> labels = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String label = lines.get(i).trim();
            if (label.isEmpty()) {
                throw new IOException("labels: line " + (i + 1) + " is empty");
            }
            labels.add(label);
        }
        if (labels.isEmpty()) {
            throw new IOException("labels: the file contains no labels");
        }
        return Collections.unmodifiableList(labels);
    }
}
