package android.content.res;

import androidx.annotation.NonNull;
import java.io.IOException;
import java.io.InputStream;

public final class AssetManager implements AutoCloseable {
    private AssetManager() {
        throw new RuntimeException("stub");
    }

    public @NonNull InputStream open(@NonNull String fileName) throws IOException {
        throw new RuntimeException("stub");
    }

    public @NonNull InputStream open(@NonNull String fileName, int accessMode) throws IOException {
        throw new RuntimeException("stub");
    }

    public @NonNull AssetFileDescriptor openFd(@NonNull String fileName) throws IOException {
        throw new RuntimeException("stub");
    }

    @Override
    public void close() {
        throw new RuntimeException("stub");
    }
}
