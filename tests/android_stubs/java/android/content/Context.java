package android.content;

import android.content.res.AssetManager;
import android.content.res.Resources;
import androidx.annotation.NonNull;

public abstract class Context {
    public Context() {
        throw new RuntimeException("stub");
    }

    public abstract AssetManager getAssets();

    public abstract Resources getResources();

    public abstract ContentResolver getContentResolver();

    public abstract Context getApplicationContext();

    public abstract String getPackageName();

    public abstract void startActivity(Intent intent);

    @NonNull
    public final String getString(int resId) {
        throw new RuntimeException("stub");
    }

    @NonNull
    public final String getString(int resId, Object... formatArgs) {
        throw new RuntimeException("stub");
    }
}
