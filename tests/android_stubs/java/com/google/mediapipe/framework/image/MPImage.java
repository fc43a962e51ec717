package com.google.mediapipe.framework.image;

import java.io.Closeable;

/**
 * MediaPipe framework 1.0.0. The constructor is package-private in the real class. close() has no
 * checked exception and recycles a wrapped Bitmap once the reference count reaches 0. Omitted: the
 * IMAGE_FORMAT_* and STORAGE_TYPE_* constants and getContainedImageProperties().
 */
public class MPImage implements Closeable {
    private MPImage() {
        throw new RuntimeException("stub");
    }

    public int getWidth() {
        throw new RuntimeException("stub");
    }

    public int getHeight() {
        throw new RuntimeException("stub");
    }

    @Override
    public synchronized void close() {
        throw new RuntimeException("stub");
    }
}
