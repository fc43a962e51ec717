package android.graphics.drawable;

/** Real class: abstract; its abstract drawing methods are omitted (nothing here subclasses it). */
public abstract class Drawable {
    public Drawable() {
        throw new RuntimeException("stub");
    }
}
