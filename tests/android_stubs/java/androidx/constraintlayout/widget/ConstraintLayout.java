package androidx.constraintlayout.widget;

import android.content.Context;
import android.view.ViewGroup;

public class ConstraintLayout extends ViewGroup {
    public ConstraintLayout(Context context) {
        super(context);
        throw new RuntimeException("stub");
    }

    @Override
    protected void onLayout(boolean changed, int left, int top, int right, int bottom) {
        throw new RuntimeException("stub");
    }
}
