package org.tensorflow.lite;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.NonNull;

public final class Interpreter extends InterpreterImpl implements InterpreterApi {

    /** Every setter is overridden to return Interpreter.Options, so chains keep the subtype. */
    public static class Options extends InterpreterImpl.Options {
        public Options() {
            throw new RuntimeException("stub");
        }

        public Options(InterpreterApi.Options options) {
            throw new RuntimeException("stub");
        }

        @Override
        public Options setNumThreads(int numThreads) {
            throw new RuntimeException("stub");
        }

        @Override
        public Options setUseNNAPI(boolean useNNAPI) {
            throw new RuntimeException("stub");
        }

        @Deprecated
        public Options setAllowFp16PrecisionForFp32(boolean allow) {
            throw new RuntimeException("stub");
        }

        public Options setAllowBufferHandleOutput(boolean allow) {
            throw new RuntimeException("stub");
        }

        @Override
        public Options addDelegate(Delegate delegate) {
            throw new RuntimeException("stub");
        }

        @Override
        public Options setCancellable(boolean allow) {
            throw new RuntimeException("stub");
        }

        @Override
        public Options setUseXNNPACK(boolean useXNNPACK) {
            throw new RuntimeException("stub");
        }
    }

    public Interpreter(@NonNull File modelFile) {
        super(modelFile, null);
        throw new RuntimeException("stub");
    }

    public Interpreter(@NonNull File modelFile, Options options) {
        super(modelFile, null);
        throw new RuntimeException("stub");
    }

    public Interpreter(@NonNull ByteBuffer byteBuffer) {
        super(byteBuffer, null);
        throw new RuntimeException("stub");
    }

    public Interpreter(@NonNull ByteBuffer byteBuffer, Options options) {
        super(byteBuffer, null);
        throw new RuntimeException("stub");
    }

    public void runSignature(@NonNull Map<String, Object> inputs, @NonNull Map<String, Object> outputs,
            String signatureKey) {
        throw new RuntimeException("stub");
    }

    public void runSignature(@NonNull Map<String, Object> inputs, @NonNull Map<String, Object> outputs) {
        throw new RuntimeException("stub");
    }

    public String[] getSignatureKeys() {
        throw new RuntimeException("stub");
    }

    public void resetVariableTensors() {
        throw new RuntimeException("stub");
    }

    public void setCancelled(boolean cancelled) {
        throw new RuntimeException("stub");
    }
}
