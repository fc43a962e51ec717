package androidx.viewbinding;

import android.view.View;
import androidx.annotation.NonNull;

public interface ViewBinding {
    @NonNull
    View getRoot();
}
