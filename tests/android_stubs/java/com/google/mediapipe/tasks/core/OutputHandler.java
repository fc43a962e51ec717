package com.google.mediapipe.tasks.core;

/**
 * MediaPipe Tasks 1.0.0 (implicit public constructor). Only the nested ResultListener is stubbed;
 * OutputPacketConverter, PureResultListener, ValueListener, ProgressListener and the handler's own
 * methods are omitted.
 */
public class OutputHandler<OutputT extends TaskResult, InputT> {
    public OutputHandler() {
        throw new RuntimeException("stub");
    }

    public interface ResultListener<OutputT extends TaskResult, InputT> {
        void run(OutputT result, InputT input);
    }
}
