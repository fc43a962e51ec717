package android.content;

import android.net.Uri;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import java.io.FileNotFoundException;
import java.io.InputStream;

public abstract class ContentResolver {
    public ContentResolver(@Nullable Context context) {
        throw new RuntimeException("stub");
    }

    public final @Nullable InputStream openInputStream(@NonNull Uri uri) throws FileNotFoundException {
        throw new RuntimeException("stub");
    }
}
