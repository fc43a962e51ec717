package android.view;

import android.content.Context;

/** Real class also implements ViewParent, ViewManager (omitted). */
public abstract class ViewGroup extends View {
    public ViewGroup(Context context) {
        super(context);
        throw new RuntimeException("stub");
    }

    public void addView(View child) {
        throw new RuntimeException("stub");
    }

    public int getChildCount() {
        throw new RuntimeException("stub");
    }

    public View getChildAt(int index) {
        throw new RuntimeException("stub");
    }

    @Override
    protected abstract void onLayout(boolean changed, int l, int t, int r, int b);
}
