package android.content;

import android.net.Uri;

/** Real class also implements Parcelable (omitted, see README). */
public class Intent implements Cloneable {
    public Intent() {
        throw new RuntimeException("stub");
    }

    public Intent(String action, Uri uri) {
        throw new RuntimeException("stub");
    }
}
