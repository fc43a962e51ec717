package android.net;

/** Real class: abstract, implements Parcelable (omitted, see README), Comparable<Uri>. */
public abstract class Uri implements Comparable<Uri> {
    private Uri() {
        throw new RuntimeException("stub");
    }

    public static Uri fromParts(String scheme, String ssp, String fragment) {
        throw new RuntimeException("stub");
    }

    public int compareTo(Uri other) {
        throw new RuntimeException("stub");
    }
}
