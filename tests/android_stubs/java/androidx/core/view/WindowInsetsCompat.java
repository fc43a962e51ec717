package androidx.core.view;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.core.graphics.Insets;

/** core (Java). Only getInsets, CONSUMED and the Type masks used; Builder, Side and the rest omitted. */
public class WindowInsetsCompat {
    @NonNull
    public static final WindowInsetsCompat CONSUMED = null;

    public WindowInsetsCompat(@Nullable WindowInsetsCompat src) {
        throw new RuntimeException("stub");
    }

    @NonNull
    public Insets getInsets(int typeMask) {
        throw new RuntimeException("stub");
    }

    public static final class Type {
        private Type() {
            throw new RuntimeException("stub");
        }

        public static int systemBars() {
            throw new RuntimeException("stub");
        }

        public static int displayCutout() {
            throw new RuntimeException("stub");
        }

        public static int statusBars() {
            throw new RuntimeException("stub");
        }

        public static int navigationBars() {
            throw new RuntimeException("stub");
        }
    }
}
