package com.google.ai.edge.litert

/**
 * LiteRT 2.x. A checked exception for Java callers (Kotlin `@Throws(LiteRtException::class)` on
 * the API). The status is a private property: only the message is readable.
 */
public class LiteRtException(private val status: Status, message: String) : Exception(message) {
    public constructor(code: Int, message: String) : this(Status.fromCode(code), message)

    init {
        throw RuntimeException("stub")
    }
}

/** Status codes for LiteRtException (all entries, as in the source). */
public enum class Status(public val code: Int) {
    Ok(0),
    ErrorInvalidArgument(1),
    ErrorMemoryAllocationFailure(2),
    ErrorRuntimeFailure(3),
    ErrorMissingInputTensor(4),
    ErrorUnsupported(5),
    ErrorNotFound(6),
    ErrorTimeoutExpired(7),
    ErrorWrongVersion(8),
    ErrorUnknown(9),
    ErrorAlreadyExists(10),
    ErrorCancelled(11),
    ErrorFileIO(500),
    ErrorInvalidFlatbuffer(501),
    ErrorDynamicLoading(502),
    ErrorSerialization(503),
    ErrorCompilation(504),
    ErrorIndexOOB(1000),
    ErrorInvalidIrType(1001),
    ErrorInvalidGraphInvariant(1002),
    ErrorGraphModification(1003),
    ErrorInvalidToolConfig(1500),
    LegalizeNoMatch(2000),
    ErrorInvalidLegalization(2001),
    PatternNoMatch(3000),
    ErrorInvalidTransformation(3001),
    ErrorUnsupportedRuntimeVersion(4000),
    ErrorUnsupportedCompilerVersion(4001),
    ErrorIncompatibleByteCodeVersion(4002),
    ErrorUnsupportedShapeInferencedOp(5000),
    ErrorShapeInferenceFailed(5001);

    public companion object {
        public fun fromCode(code: Int): Status = throw RuntimeException("stub")
    }
}
