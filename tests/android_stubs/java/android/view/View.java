package android.view;

import android.content.Context;
import android.content.res.Resources;
import android.graphics.Canvas;
import android.util.AttributeSet;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;

/** Real class also implements Drawable.Callback, KeyEvent.Callback, AccessibilityEventSource (omitted). */
public class View {
    public static final int VISIBLE = 0x00000000;
    public static final int INVISIBLE = 0x00000004;
    public static final int GONE = 0x00000008;

    public View(Context context) {
        throw new RuntimeException("stub");
    }

    public View(Context context, @Nullable AttributeSet attrs) {
        throw new RuntimeException("stub");
    }

    public void setOnClickListener(@Nullable OnClickListener l) {
        throw new RuntimeException("stub");
    }

    public int getVisibility() {
        throw new RuntimeException("stub");
    }

    public void setVisibility(int visibility) {
        throw new RuntimeException("stub");
    }

    public boolean isEnabled() {
        throw new RuntimeException("stub");
    }

    public void setEnabled(boolean enabled) {
        throw new RuntimeException("stub");
    }

    public Resources getResources() {
        throw new RuntimeException("stub");
    }

    public final Context getContext() {
        throw new RuntimeException("stub");
    }

    @Nullable
    public final <T extends View> T findViewById(int id) {
        throw new RuntimeException("stub");
    }

    protected void onLayout(boolean changed, int left, int top, int right, int bottom) {
        throw new RuntimeException("stub");
    }

    protected void onDraw(@NonNull Canvas canvas) {
        throw new RuntimeException("stub");
    }

    public void invalidate() {
        throw new RuntimeException("stub");
    }

    public final int getWidth() {
        throw new RuntimeException("stub");
    }

    public final int getHeight() {
        throw new RuntimeException("stub");
    }

    public Display getDisplay() {
        throw new RuntimeException("stub");
    }

    public void setPadding(int left, int top, int right, int bottom) {
        throw new RuntimeException("stub");
    }

    public int getPaddingLeft() {
        throw new RuntimeException("stub");
    }

    public int getPaddingTop() {
        throw new RuntimeException("stub");
    }

    public int getPaddingRight() {
        throw new RuntimeException("stub");
    }

    public int getPaddingBottom() {
        throw new RuntimeException("stub");
    }

    public boolean post(Runnable action) {
        throw new RuntimeException("stub");
    }

    public void addOnLayoutChangeListener(OnLayoutChangeListener listener) {
        throw new RuntimeException("stub");
    }

    public void removeOnLayoutChangeListener(OnLayoutChangeListener listener) {
        throw new RuntimeException("stub");
    }

    public boolean isLaidOut() {
        throw new RuntimeException("stub");
    }

    public boolean isLayoutRequested() {
        throw new RuntimeException("stub");
    }

    public interface OnClickListener {
        void onClick(View v);
    }

    public interface OnLayoutChangeListener {
        void onLayoutChange(View v, int left, int top, int right, int bottom,
                int oldLeft, int oldTop, int oldRight, int oldBottom);
    }
}
