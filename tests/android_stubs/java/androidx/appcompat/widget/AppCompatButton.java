package androidx.appcompat.widget;

import android.content.Context;
import android.widget.Button;
import androidx.annotation.NonNull;

/** Real class also implements TintableBackgroundView, AutoSizeableTextView, ... (omitted). */
public class AppCompatButton extends Button {
    public AppCompatButton(@NonNull Context context) {
        super(context);
        throw new RuntimeException("stub");
    }
}
