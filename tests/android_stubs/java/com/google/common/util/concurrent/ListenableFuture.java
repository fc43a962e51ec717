package com.google.common.util.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/** com.google.guava:listenablefuture:1.0 (an api dependency of camera-core and camera-lifecycle). */
public interface ListenableFuture<V> extends Future<V> {
    void addListener(Runnable listener, Executor executor);
}
