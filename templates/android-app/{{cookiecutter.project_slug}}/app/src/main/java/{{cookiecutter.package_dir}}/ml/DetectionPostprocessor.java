package {{ cookiecutter.package_name }}.ml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a detector's output tensors into labelled boxes. Mirrors
 * {@code scaffold/reference/detection.py}; {@code GoldenDetectionTest} proves they agree.
 *
 * <p>Two kinds of models:
 * <ul>
 *   <li>{@link Kind#POSTPROCESS}: the model ends in TFLite_Detection_PostProcess, which already
 *       decoded the boxes and ran non-max suppression. Its four outputs (boxes, classes, scores,
 *       count) come in a different order in TF1 and TF2 exports, so their positions are passed in
 *       ({@code ModelConfig} records them and how they were identified). Here we only apply the
 *       score threshold, the label allowlist and the result limit.
 *   <li>{@link Kind#RAW}: boxes {@code [1, N, 4]} and class scores {@code [1, N, C]}. Scores are
 *       dequantized, a background column dropped, optionally passed through a sigmoid; boxes are
 *       decoded against anchors (SSD box coder) or read as yxyx / xyxy / cxcywh. Then greedy NMS
 *       over the candidates at or above the threshold, best first (ties: lower box index, then
 *       lower class index), in the options' {@link DetectionOptions.Nms} mode:
 *       {@code CLASS_AGNOSTIC} takes each box's best class and lets any kept box suppress, which
 *       reproduces TFLite_Detection_PostProcess's default (fast) NMS; {@code PER_CLASS} takes
 *       every (box, class) pair and lets only boxes of the same class suppress. The label
 *       allowlist filters what NMS kept.
 * </ul>
 * Arithmetic is in {@code double}, in the reference's order.
 *
 * <p>Not thread-safe: it reuses its arrays between calls. One per thread.
 */
public final class DetectionPostprocessor {

    /** Whether decoding and NMS happen in the model or here. */
    public enum Kind { POSTPROCESS, RAW }

    /** Layout of a raw model's decoded boxes (ignored when anchors are given). */
    public enum BoxFormat { YXYX, XYXY, CXCYWH }

    /** What a raw model's scores need to become probabilities. */
    public enum ScoreActivation { NONE, SIGMOID }

    /** Positions of each role in the model's outputs; -1 where the model has no such output. */
    public static final class Roles {
        final int boxes;
        final int classes;
        final int scores;
        final int count;

        public Roles(int boxes, int classes, int scores, int count) {
            this.boxes = boxes;
            this.classes = classes;
            this.scores = scores;
            this.count = count;
        }
    }

    /** No cap on the boxes NMS keeps (see {@link RawDecoding}). */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    /** How a raw model's outputs are decoded. */
    public static final class RawDecoding {
        final BoxFormat boxFormat;
        final float[] anchors;
        final double[] boxScales;
        final ScoreActivation scoreActivation;
        final boolean backgroundColumn;
        final int keptLimit;
        final int perClassLimit;

        /**
         * @param anchors N x 4 (y center, x center, height, width), or null when the model
         *     outputs decoded boxes
         * @param boxScales SSD box-coder scales (y, x, height, width), used with anchors
         * @param backgroundColumn score column 0 is the background, not a label
         * @param keptLimit NMS stops after keeping this many boxes, whatever the allowlist then
         *     shows (a model cut from TFLite_Detection_PostProcess: the op's max_detections), or
         *     {@link #NO_LIMIT}
         * @param perClassLimit at most this many kept boxes per class (the op's
         *     detections_per_class in its regular NMS), or {@link #NO_LIMIT}
         */
        public RawDecoding(BoxFormat boxFormat, float[] anchors, double[] boxScales,
                           ScoreActivation scoreActivation, boolean backgroundColumn, int keptLimit, int perClassLimit) {
            this.boxFormat = boxFormat;
            this.anchors = anchors == null ? null : anchors.clone();
            this.boxScales = boxScales.clone();
            this.scoreActivation = scoreActivation;
            this.backgroundColumn = backgroundColumn;
            this.keptLimit = keptLimit;
            this.perClassLimit = perClassLimit;
        }
    }

    private final Kind kind;
    private final List<TensorSpec> outputs;
    private final Roles roles;
    private final List<String> labels;
    private final RawDecoding raw;
    /** Each output dequantized, reused from frame to frame. */
    private final double[][] values;

    /**
     * @param outputs the model's output tensors, in the model's order
     * @param raw decoding settings for {@link Kind#RAW}; null for {@link Kind#POSTPROCESS}
     */
    public DetectionPostprocessor(Kind kind, List<TensorSpec> outputs, Roles roles, List<String> labels, RawDecoding raw) {
        if (kind == Kind.RAW && raw == null) {
            throw new IllegalArgumentException("raw-output detectors need their decoding settings");
        }
        this.kind = kind;
        this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        this.values = new double[outputs.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new double[outputs.get(i).numElements()];
        }
        this.roles = roles;
        this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
        this.raw = raw;
        if (kind == Kind.RAW) {
            int boxes = outputs.get(roles.boxes).numElements() / 4;
            int columns = outputs.get(roles.scores).numElements() / boxes;
            if (columns - (raw.backgroundColumn ? 1 : 0) != labels.size()) {
                throw new IllegalArgumentException("the scores output has " + columns + " columns but there are "
                        + labels.size() + " labels" + (raw.backgroundColumn ? " plus a background column" : ""));
            }
            if (raw.anchors != null && raw.anchors.length != boxes * 4) {
                throw new IllegalArgumentException("the model predicts " + boxes + " boxes but there are "
                        + raw.anchors.length / 4 + " anchors");
            }
        }
    }

    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** Detections, best first, from the output buffers (in the model's output order, read from position 0). */
    public List<Detection> process(ByteBuffer[] outputBuffers, DetectionOptions options) {
        if (outputBuffers.length != outputs.size()) {
            throw new IllegalArgumentException("expected " + outputs.size() + " output buffers");
        }
        return kind == Kind.POSTPROCESS ? fromPostprocessOp(outputBuffers, options) : decodeRaw(outputBuffers, options);
    }

    /** Output {@code role} dequantized into an array reused from frame to frame (no per-frame arrays). */
    private double[] values(ByteBuffer[] buffers, int role) {
        return outputs.get(role).dequantize(buffers[role], values[role]);
    }

    private List<Detection> fromPostprocessOp(ByteBuffer[] buffers, DetectionOptions options) {
        double[] boxes = values(buffers, roles.boxes);
        double[] classes = values(buffers, roles.classes);
        double[] scores = values(buffers, roles.scores);
        int count = Math.min(Math.max((int) values(buffers, roles.count)[0], 0), scores.length);
        final List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(classes[i]) || Double.isInfinite(classes[i])) {
                continue;
            }
            int index = (int) classes[i]; // the op writes class indices as floats
            if (index < 0 || index >= labels.size() || !options.keeps(scores[i], labels.get(index))) {
                continue;
            }
            // The op's boxes are (ymin, xmin, ymax, xmax).
            Box box = new Box(boxes[4 * i + 1], boxes[4 * i], boxes[4 * i + 3], boxes[4 * i + 2]);
            kept.add(new Detection(index, labels.get(index), scores[i], box));
        }
        Integer[] order = new Integer[kept.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, new Comparator<Integer>() {
            @Override
            public int compare(Integer a, Integer b) {
                double scoreA = kept.get(a).score();
                double scoreB = kept.get(b).score();
                if (scoreA != scoreB) { // not Double.compare: -0.0 and 0.0 are equal, as in the reference
                    return scoreA > scoreB ? -1 : 1;
                }
                return Integer.compare(a, b);
            }
        });
        List<Detection> result = new ArrayList<>();
        for (int i = 0; i < Math.min(order.length, options.maxResults()); i++) {
            result.add(kept.get(order[i]));
        }
        return result;
    }

    /** A (box, class) pair that passed the score threshold. */
    private static final class Candidate {
        final double score;
        final int box;
        final int index;

        Candidate(double score, int box, int index) {
            this.score = score;
            this.box = box;
            this.index = index;
        }
    }

    private List<Detection> decodeRaw(ByteBuffer[] buffers, DetectionOptions options) {
        if (options.nms() == null) {
            throw new IllegalArgumentException("raw-output detectors need options with an NMS mode and IoU threshold");
        }
        double[] boxValues = values(buffers, roles.boxes);
        double[] scores = values(buffers, roles.scores);
        int boxes = boxValues.length / 4;
        int columns = scores.length / boxes;
        int first = raw.backgroundColumn ? 1 : 0;

        List<Candidate> candidates = new ArrayList<>();
        if (options.nms() == DetectionOptions.Nms.CLASS_AGNOSTIC) {
            for (int i = 0; i < boxes; i++) {
                // The box's class: the first column with the highest score (NaN never wins). The
                // activation is monotonic, so it is applied to that score only.
                int row = i * columns + first;
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < columns - first; c++) {
                    if (scores[row + c] > bestValue) {
                        best = c;
                        bestValue = scores[row + c];
                    }
                }
                double score = activate(scores[row + best]);
                if (options.passes(score)) {
                    candidates.add(new Candidate(score, i, best));
                }
            }
        } else {
            for (int i = 0; i < boxes; i++) {
                for (int c = 0; c < columns - first; c++) {
                    double score = activate(scores[i * columns + c + first]);
                    if (options.passes(score)) {
                        candidates.add(new Candidate(score, i, c));
                    }
                }
            }
        }
        Collections.sort(candidates, new Comparator<Candidate>() {
            @Override
            public int compare(Candidate a, Candidate b) {
                if (a.score != b.score) { // not Double.compare: -0.0 and 0.0 are equal, as in the reference
                    return a.score > b.score ? -1 : 1;
                }
                return a.box != b.box ? Integer.compare(a.box, b.box) : Integer.compare(a.index, b.index);
            }
        });
        return suppress(candidates, boxValues, options);
    }

    /**
     * Greedy NMS over candidates sorted best first: a candidate is dropped when its IoU with a
     * kept box (any class for {@code CLASS_AGNOSTIC}, its own class for {@code PER_CLASS}) is
     * greater than the threshold. Every kept box suppresses; the allowlist only decides which
     * of them are reported, at most {@code maxResults}. A model cut from the op also stops where
     * the op stopped (the decoding's kept limits).
     */
    private List<Detection> suppress(List<Candidate> candidates, double[] boxValues, DetectionOptions options) {
        boolean agnostic = options.nms() == DetectionOptions.Nms.CLASS_AGNOSTIC;
        List<Detection> kept = new ArrayList<>();
        List<Detection> found = new ArrayList<>();
        int[] keptPerClass = new int[labels.size()];
        for (Candidate candidate : candidates) {
            if (found.size() == options.maxResults() || kept.size() == raw.keptLimit) {
                break;
            }
            if (keptPerClass[candidate.index] == raw.perClassLimit) {
                continue;
            }
            Box box = decode(boxValues, candidate.box);
            boolean suppressed = false;
            for (Detection detection : kept) {
                if ((agnostic || detection.index() == candidate.index)
                        && detection.box().iou(box) > options.iouThreshold()) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                Detection detection = new Detection(candidate.index, labels.get(candidate.index), candidate.score, box);
                kept.add(detection);
                keptPerClass[candidate.index]++;
                if (options.allows(detection.label())) {
                    found.add(detection);
                }
            }
        }
        return found;
    }

    private double activate(double value) {
        return raw.scoreActivation == ScoreActivation.SIGMOID ? 1.0 / (1.0 + Math.exp(-value)) : value;
    }

    /** Box {@code i} as left/top/right/bottom, normalized to the input. */
    private Box decode(double[] v, int i) {
        double v0 = v[4 * i];
        double v1 = v[4 * i + 1];
        double v2 = v[4 * i + 2];
        double v3 = v[4 * i + 3];
        if (raw.anchors != null) {
            // SSD box coder: (ty, tx, th, tw) relative to an anchor (y, x, h, w), in the precision
            // of TFLite_Detection_PostProcess: centre and half size in double, each rounded to
            // float, corners in float.
            double anchorY = raw.anchors[4 * i];
            double anchorX = raw.anchors[4 * i + 1];
            double anchorH = raw.anchors[4 * i + 2];
            double anchorW = raw.anchors[4 * i + 3];
            float yCenter = (float) (v0 / raw.boxScales[0] * anchorH + anchorY);
            float xCenter = (float) (v1 / raw.boxScales[1] * anchorW + anchorX);
            float halfH = (float) (0.5 * Math.exp(v2 / raw.boxScales[2]) * anchorH);
            float halfW = (float) (0.5 * Math.exp(v3 / raw.boxScales[3]) * anchorW);
            return new Box(xCenter - halfW, yCenter - halfH, xCenter + halfW, yCenter + halfH);
        }
        switch (raw.boxFormat) {
            case XYXY:
                return new Box(v0, v1, v2, v3);
            case CXCYWH:
                return new Box(v0 - 0.5 * v2, v1 - 0.5 * v3, v0 + 0.5 * v2, v1 + 0.5 * v3);
            default: // YXYX
                return new Box(v1, v0, v3, v2);
        }
    }

    /** Anchors as written by tflite-scaffold: little-endian float32, four per box. */
    public static float[] readAnchors(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) != -1; ) {
            bytes.write(chunk, 0, n);
        }
        if (bytes.size() % 16 != 0) {
            throw new IOException("anchors: " + bytes.size() + " bytes is not a whole number of 4-float boxes");
        }
        FloatBuffer floats = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] anchors = new float[floats.remaining()];
        floats.get(anchors);
        return anchors;
    }
}
