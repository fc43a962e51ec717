package org.tensorflow.lite.task.core;

import java.io.Closeable;

/**
 * Task Library 0.4.4. close() redeclares Closeable.close() without IOException. Omitted:
 * getNativeHandle(), the protected checkNotClosed()/finalize() and the protected abstract deinit(long).
 */
public abstract class BaseTaskApi implements Closeable {
    protected BaseTaskApi(long nativeHandle) {
        throw new RuntimeException("stub");
    }

    public boolean isClosed() {
        throw new RuntimeException("stub");
    }

    @Override
    public synchronized void close() {
        throw new RuntimeException("stub");
    }
}
