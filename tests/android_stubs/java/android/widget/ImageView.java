package android.widget;

import android.content.Context;
import android.graphics.Bitmap;
import android.graphics.drawable.Drawable;
import android.view.View;
import androidx.annotation.Nullable;

public class ImageView extends View {
    public ImageView(Context context) {
        super(context);
        throw new RuntimeException("stub");
    }

    public void setImageBitmap(Bitmap bm) {
        throw new RuntimeException("stub");
    }

    public void setImageDrawable(@Nullable Drawable drawable) {
        throw new RuntimeException("stub");
    }

    public void setImageResource(int resId) {
        throw new RuntimeException("stub");
    }
}
