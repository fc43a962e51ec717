package android.view;

import android.content.Context;
import androidx.annotation.Nullable;

public abstract class LayoutInflater {
    protected LayoutInflater(Context context) {
        throw new RuntimeException("stub");
    }

    public abstract LayoutInflater cloneInContext(Context newContext);

    public View inflate(int resource, @Nullable ViewGroup root) {
        throw new RuntimeException("stub");
    }

    public View inflate(int resource, @Nullable ViewGroup root, boolean attachToRoot) {
        throw new RuntimeException("stub");
    }
}
