package android.content;

import androidx.annotation.Nullable;

/** AOSP frameworks/base core/java/android/content/SharedPreferences.java (the members the app uses). */
public interface SharedPreferences {

    interface Editor {
        Editor putString(String key, @Nullable String value);

        Editor putInt(String key, int value);

        Editor putBoolean(String key, boolean value);

        Editor remove(String key);

        boolean commit();

        void apply();
    }

    @Nullable
    String getString(String key, @Nullable String defValue);

    int getInt(String key, int defValue);

    boolean getBoolean(String key, boolean defValue);

    Editor edit();
}
