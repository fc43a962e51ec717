package org.tensorflow.lite;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.NonNull;

/**
 * LiteRT 1.4.x. Options.addDelegate(Delegate) is stubbed (GPU delegate); getDelegates,
 * addDelegateFactory/getDelegateFactories, setRuntime and setAccelerationConfig are omitted. The
 * LiteRT 2.x copy of this class has no delegate members at all (Interpreter is CPU-only there).
 */
public interface InterpreterApi extends AutoCloseable {

    class Options {
        public Options() {
            throw new RuntimeException("stub");
        }

        public Options(Options other) {
            throw new RuntimeException("stub");
        }

        public Options setNumThreads(int numThreads) {
            throw new RuntimeException("stub");
        }

        public int getNumThreads() {
            throw new RuntimeException("stub");
        }

        public Options setUseNNAPI(boolean useNNAPI) {
            throw new RuntimeException("stub");
        }

        public boolean getUseNNAPI() {
            throw new RuntimeException("stub");
        }

        public Options setCancellable(boolean allow) {
            throw new RuntimeException("stub");
        }

        public boolean isCancellable() {
            throw new RuntimeException("stub");
        }

        public Options addDelegate(Delegate delegate) {
            throw new RuntimeException("stub");
        }

        public Options setUseXNNPACK(boolean useXNNPACK) {
            throw new RuntimeException("stub");
        }

        public boolean getUseXNNPACK() {
            throw new RuntimeException("stub");
        }
    }

    static InterpreterApi create(@NonNull File modelFile, InterpreterApi.Options options) {
        throw new RuntimeException("stub");
    }

    static InterpreterApi create(@NonNull ByteBuffer byteBuffer, InterpreterApi.Options options) {
        throw new RuntimeException("stub");
    }

    void run(Object input, Object output);

    void runForMultipleInputsOutputs(Object @NonNull [] inputs, @NonNull Map<Integer, Object> outputs);

    void allocateTensors();

    void resizeInput(int idx, int @NonNull [] dims);

    void resizeInput(int idx, int @NonNull [] dims, boolean strict);

    int getInputTensorCount();

    int getInputIndex(String opName);

    Tensor getInputTensor(int inputIndex);

    int getOutputTensorCount();

    int getOutputIndex(String opName);

    Tensor getOutputTensor(int outputIndex);

    Long getLastNativeInferenceDurationNanoseconds();

    @Override
    void close();
}
