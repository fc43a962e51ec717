package com.google.mediapipe.framework.image;

import android.graphics.Bitmap;

/** MediaPipe framework 1.0.0. Omitted: the (Context, Uri) constructor, which throws IOException. */
public class BitmapImageBuilder {
    public BitmapImageBuilder(Bitmap bitmap) {
        throw new RuntimeException("stub");
    }

    public MPImage build() {
        throw new RuntimeException("stub");
    }
}
