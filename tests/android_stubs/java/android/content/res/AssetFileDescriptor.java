package android.content.res;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;

/** Real class: implements Parcelable, Closeable (Parcelable omitted, see README). */
public class AssetFileDescriptor implements Closeable {
    private AssetFileDescriptor() {
        throw new RuntimeException("stub");
    }

    public FileDescriptor getFileDescriptor() {
        throw new RuntimeException("stub");
    }

    public long getStartOffset() {
        throw new RuntimeException("stub");
    }

    public long getLength() {
        throw new RuntimeException("stub");
    }

    public long getDeclaredLength() {
        throw new RuntimeException("stub");
    }

    @Override
    public void close() throws IOException {
        throw new RuntimeException("stub");
    }
}
