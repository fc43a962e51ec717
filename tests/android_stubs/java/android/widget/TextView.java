package android.widget;

import android.content.Context;
import android.view.View;

/** Real class also implements ViewTreeObserver.OnPreDrawListener (omitted). */
public class TextView extends View {
    public TextView(Context context) {
        super(context);
        throw new RuntimeException("stub");
    }

    public CharSequence getText() {
        throw new RuntimeException("stub");
    }

    public final void setText(CharSequence text) {
        throw new RuntimeException("stub");
    }

    public final void setText(int resid) {
        throw new RuntimeException("stub");
    }

    public void setTextColor(int color) {
        throw new RuntimeException("stub");
    }

    @Override
    public void setEnabled(boolean enabled) {
        throw new RuntimeException("stub");
    }
}
