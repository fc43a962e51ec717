package org.tensorflow.lite.task.vision.core;

import org.tensorflow.lite.task.core.BaseTaskApi;

/** Task Library 0.4.4. Omitted: the nested InferenceProvider and the protected run(...). */
public abstract class BaseVisionTaskApi extends BaseTaskApi {
    protected BaseVisionTaskApi(long nativeHandle) {
        super(nativeHandle);
        throw new RuntimeException("stub");
    }
}
