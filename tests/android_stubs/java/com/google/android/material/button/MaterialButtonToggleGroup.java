package com.google.android.material.button;

import android.content.Context;
import androidx.annotation.IdRes;
import androidx.annotation.NonNull;

/** Material 1.14.0 lib/java/com/google/android/material/button/MaterialButtonToggleGroup.java. */
public class MaterialButtonToggleGroup extends MaterialButtonGroup {

    /** A Java interface with one method: a lambda in both languages. */
    public interface OnButtonCheckedListener {
        void onButtonChecked(MaterialButtonToggleGroup group, @IdRes int checkedId, boolean isChecked);
    }

    public MaterialButtonToggleGroup(@NonNull Context context) {
        super(context);
        throw new RuntimeException("stub");
    }

    public void check(@IdRes int id) {
        throw new RuntimeException("stub");
    }

    @IdRes
    public int getCheckedButtonId() {
        throw new RuntimeException("stub");
    }

    public void addOnButtonCheckedListener(@NonNull OnButtonCheckedListener listener) {
        throw new RuntimeException("stub");
    }
}
