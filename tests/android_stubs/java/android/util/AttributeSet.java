package android.util;

/** The generated code only passes it through to View; its (abstract) accessors are omitted. */
public interface AttributeSet {
}
