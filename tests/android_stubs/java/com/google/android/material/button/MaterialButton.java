package com.google.android.material.button;

import android.content.Context;
import androidx.annotation.NonNull;
import androidx.appcompat.widget.AppCompatButton;

/** Real class also implements Checkable, Shapeable (omitted). */
public class MaterialButton extends AppCompatButton {
    public MaterialButton(@NonNull Context context) {
        super(context);
        throw new RuntimeException("stub");
    }
}
