package androidx.viewbinding;

import android.view.View;
import androidx.annotation.Nullable;

public class ViewBindings {
    private ViewBindings() {
        throw new RuntimeException("stub");
    }

    @Nullable
    public static <T extends View> T findChildViewById(View rootView, int id) {
        throw new RuntimeException("stub");
    }
}
