package com.google.android.material.button;

import android.content.Context;
import android.widget.LinearLayout;
import androidx.annotation.NonNull;

/** Material 1.14.0: the base of MaterialButtonToggleGroup since 1.13. */
public class MaterialButtonGroup extends LinearLayout {
    public MaterialButtonGroup(@NonNull Context context) {
        super(context);
        throw new RuntimeException("stub");
    }
}
