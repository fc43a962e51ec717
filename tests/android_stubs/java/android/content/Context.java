package android.content;

import android.content.res.AssetManager;
import android.content.res.Resources;
import androidx.annotation.NonNull;

public abstract class Context {
    public Context() {
        throw new RuntimeException("stub");
    }

    /** The file-creation mode for private preferences and files. */
    public static final int MODE_PRIVATE = 0x0000;

    public abstract AssetManager getAssets();

    public abstract SharedPreferences getSharedPreferences(String name, int mode);

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
