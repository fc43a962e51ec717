package org.tensorflow.lite.support.label;

/** TFLite Support library 0.4.4. equals() compares scores within 1e-6 (not redeclared here). */
public final class Category {
    public static Category create(String label, String displayName, float score, int index) {
        throw new RuntimeException("stub");
    }

    public static Category create(String label, String displayName, float score) {
        throw new RuntimeException("stub");
    }

    public Category(String label, float score) {
        throw new RuntimeException("stub");
    }

    public String getLabel() {
        throw new RuntimeException("stub");
    }

    public String getDisplayName() {
        throw new RuntimeException("stub");
    }

    public float getScore() {
        throw new RuntimeException("stub");
    }

    public int getIndex() {
        throw new RuntimeException("stub");
    }
}
