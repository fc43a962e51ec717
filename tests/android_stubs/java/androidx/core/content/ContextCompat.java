package androidx.core.content;

import android.content.Context;
import androidx.annotation.NonNull;
import java.util.concurrent.Executor;

public class ContextCompat {
    protected ContextCompat() {
        throw new RuntimeException("stub");
    }

    public static int checkSelfPermission(@NonNull Context context, @NonNull String permission) {
        throw new RuntimeException("stub");
    }

    @NonNull
    public static Executor getMainExecutor(@NonNull Context context) {
        throw new RuntimeException("stub");
    }

    public static int getColor(@NonNull Context context, int id) {
        throw new RuntimeException("stub");
    }
}
