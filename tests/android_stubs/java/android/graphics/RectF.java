package android.graphics;

/**
 * For the Task Library and MediaPipe signatures (detection boxes, MediaPipe's region of interest)
 * and the generated helpers, which read the four edges and build a normalized region. Real class:
 * public, not final, implements Parcelable (omitted, see README); its other constructors and its
 * methods are left out. From the SDK's api/android.txt (API 36): {@code ctor public RectF();},
 * {@code ctor public RectF(float, float, float, float);}, {@code field public float bottom;}
 * (and left, right, top), all unannotated.
 */
public class RectF {
    public float left;
    public float top;
    public float right;
    public float bottom;

    public RectF() {
        throw new RuntimeException("stub");
    }

    public RectF(float left, float top, float right, float bottom) {
        throw new RuntimeException("stub");
    }
}
