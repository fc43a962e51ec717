package org.tensorflow.lite;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.NonNull;

/** Package-private in LiteRT too: Interpreter's public API is inherited from here. */
class InterpreterImpl implements InterpreterApi {

    static class Options extends InterpreterApi.Options {
        public Options() {
            throw new RuntimeException("stub");
        }

        public Options(InterpreterApi.Options options) {
            throw new RuntimeException("stub");
        }

        public Options(Options other) {
            throw new RuntimeException("stub");
        }
    }

    InterpreterImpl(File modelFile, Options options) {
        throw new RuntimeException("stub");
    }

    InterpreterImpl(ByteBuffer byteBuffer, Options options) {
        throw new RuntimeException("stub");
    }

    @Override
    public void run(Object input, Object output) {
        throw new RuntimeException("stub");
    }

    @Override
    public void runForMultipleInputsOutputs(Object @NonNull [] inputs, @NonNull Map<Integer, Object> outputs) {
        throw new RuntimeException("stub");
    }

    @Override
    public void allocateTensors() {
        throw new RuntimeException("stub");
    }

    @Override
    public void resizeInput(int idx, int @NonNull [] dims) {
        throw new RuntimeException("stub");
    }

    @Override
    public void resizeInput(int idx, int @NonNull [] dims, boolean strict) {
        throw new RuntimeException("stub");
    }

    @Override
    public int getInputTensorCount() {
        throw new RuntimeException("stub");
    }

    @Override
    public int getInputIndex(String opName) {
        throw new RuntimeException("stub");
    }

    @Override
    public Tensor getInputTensor(int inputIndex) {
        throw new RuntimeException("stub");
    }

    @Override
    public int getOutputTensorCount() {
        throw new RuntimeException("stub");
    }

    @Override
    public int getOutputIndex(String opName) {
        throw new RuntimeException("stub");
    }

    @Override
    public Tensor getOutputTensor(int outputIndex) {
        throw new RuntimeException("stub");
    }

    @Override
    public Long getLastNativeInferenceDurationNanoseconds() {
        throw new RuntimeException("stub");
    }

    @Override
    public void close() {
        throw new RuntimeException("stub");
    }
}
