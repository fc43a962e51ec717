package com.google.mediapipe.framework;

/** MediaPipe framework 1.0.0: unchecked. */
public class MediaPipeException extends RuntimeException {
    public MediaPipeException(int statusCode, String statusMessage) {
        throw new RuntimeException("stub");
    }

    public StatusCode getStatusCode() {
        throw new RuntimeException("stub");
    }

    public String getStatusMessage() {
        throw new RuntimeException("stub");
    }

    public enum StatusCode {
        OK("ok"),
        CANCELLED("canceled"),
        UNKNOWN("unknown"),
        INVALID_ARGUMENT("invalid argument"),
        DEADLINE_EXCEEDED("deadline exceeded"),
        NOT_FOUND("not found"),
        ALREADY_EXISTS("already exists"),
        PERMISSION_DENIED("permission denied"),
        RESOURCE_EXHAUSTED("resource exhausted"),
        FAILED_PRECONDITION("failed precondition"),
        ABORTED("aborted"),
        OUT_OF_RANGE("out of range"),
        UNIMPLEMENTED("unimplemented"),
        INTERNAL("internal"),
        UNAVAILABLE("unavailable"),
        DATA_LOSS("data loss"),
        UNAUTHENTICATED("unauthenticated"),
        IO_EXCEPTION("i/o exception");

        StatusCode(String description) {
        }

        public String description() {
            throw new RuntimeException("stub");
        }
    }
}
