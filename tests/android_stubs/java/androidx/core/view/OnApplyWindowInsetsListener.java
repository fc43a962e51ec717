package androidx.core.view;

import android.view.View;
import androidx.annotation.NonNull;

/** core (Java interface, single abstract method). */
public interface OnApplyWindowInsetsListener {
    @NonNull
    WindowInsetsCompat onApplyWindowInsets(@NonNull View v, @NonNull WindowInsetsCompat insets);
}
