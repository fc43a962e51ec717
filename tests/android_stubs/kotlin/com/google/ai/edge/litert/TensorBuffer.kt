package com.google.ai.edge.litert

/**
 * LiteRT 2.x. Reads and writes copy whole host arrays; a write only checks the byte size (no
 * element-type check), a read returns as many elements of the requested type as the tensor has.
 * There are no UINT8 methods: a uint8 tensor is written and read as bytes with writeInt8/readInt8.
 * The companion (private natives only), TensorBufferType and TensorBufferRequirements are omitted.
 */
public class TensorBuffer internal constructor(handle: Long) : JniHandle(handle) {

    @Throws(LiteRtException::class)
    public fun writeInt(data: IntArray) {
        throw RuntimeException("stub")
    }

    @Throws(LiteRtException::class)
    public fun writeFloat(data: FloatArray) {
        throw RuntimeException("stub")
    }

    @Throws(LiteRtException::class)
    public fun writeInt8(data: ByteArray) {
        throw RuntimeException("stub")
    }

    @Throws(LiteRtException::class)
    public fun writeBoolean(data: BooleanArray) {
        throw RuntimeException("stub")
    }

    @Throws(LiteRtException::class)
    public fun writeLong(data: LongArray) {
        throw RuntimeException("stub")
    }

    @Throws(LiteRtException::class)
    public fun readInt(): IntArray = throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun readFloat(): FloatArray = throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun readInt8(): ByteArray = throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun readBoolean(): BooleanArray = throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun readLong(): LongArray = throw RuntimeException("stub")

    protected override fun destroy() {
        throw RuntimeException("stub")
    }
}
