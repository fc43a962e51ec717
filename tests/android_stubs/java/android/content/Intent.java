package android.content;

public class Intent implements Cloneable {
    public Intent() {
        throw new RuntimeException("stub");
    }
}
