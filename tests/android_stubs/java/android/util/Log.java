package android.util;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;

public final class Log {
    private Log() {
        throw new RuntimeException("stub");
    }

    public static int d(@Nullable String tag, @NonNull String msg) {
        throw new RuntimeException("stub");
    }

    public static int w(@Nullable String tag, @Nullable String msg, @Nullable Throwable tr) {
        throw new RuntimeException("stub");
    }

    public static int e(@Nullable String tag, @NonNull String msg) {
        throw new RuntimeException("stub");
    }

    public static int e(@Nullable String tag, @Nullable String msg, @Nullable Throwable tr) {
        throw new RuntimeException("stub");
    }
}
