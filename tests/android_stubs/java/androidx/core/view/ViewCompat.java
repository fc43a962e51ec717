package androidx.core.view;

import android.view.View;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;

/** core (Java). Only setOnApplyWindowInsetsListener; the real constructor is protected and deprecated. */
public class ViewCompat {
    @Deprecated
    protected ViewCompat() {
        throw new RuntimeException("stub");
    }

    public static void setOnApplyWindowInsetsListener(@NonNull View v,
            @Nullable OnApplyWindowInsetsListener listener) {
        throw new RuntimeException("stub");
    }
}
