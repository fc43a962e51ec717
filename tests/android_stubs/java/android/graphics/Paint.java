package android.graphics;

/**
 * Unannotated in AOSP (platform types in Kotlin). Kotlin's {@code style}, {@code strokeWidth},
 * {@code color}, {@code textSize} and {@code fontMetrics} properties need the getters declared here.
 * Overloads of the used methods are kept (they take part in overload resolution); other flags,
 * enums (Cap, Join, Align), FontMetricsInt and the rest of the API are omitted.
 */
public class Paint {
    public static final int ANTI_ALIAS_FLAG = 0x01;

    public Paint() {
        throw new RuntimeException("stub");
    }

    public Paint(int flags) {
        throw new RuntimeException("stub");
    }

    public Style getStyle() {
        throw new RuntimeException("stub");
    }

    public void setStyle(Style style) {
        throw new RuntimeException("stub");
    }

    public int getColor() {
        throw new RuntimeException("stub");
    }

    public void setColor(int color) {
        throw new RuntimeException("stub");
    }

    public void setColor(long color) {
        throw new RuntimeException("stub");
    }

    public float getStrokeWidth() {
        throw new RuntimeException("stub");
    }

    public void setStrokeWidth(float width) {
        throw new RuntimeException("stub");
    }

    public float getTextSize() {
        throw new RuntimeException("stub");
    }

    public void setTextSize(float textSize) {
        throw new RuntimeException("stub");
    }

    public float getFontMetrics(FontMetrics metrics) {
        throw new RuntimeException("stub");
    }

    public FontMetrics getFontMetrics() {
        throw new RuntimeException("stub");
    }

    public float measureText(String text) {
        throw new RuntimeException("stub");
    }

    public enum Style {
        FILL,
        STROKE,
        FILL_AND_STROKE
    }

    /** Real class also overrides equals/hashCode/toString. */
    public static class FontMetrics {
        public float top;
        public float ascent;
        public float descent;
        public float bottom;
        public float leading;

        public FontMetrics() {
            throw new RuntimeException("stub");
        }
    }
}
