package com.google.ai.edge.litert

/**
 * LiteRT 2.x (com.google.ai.edge.litert:litert, Kotlin source Common.kt). The companion's
 * `of(Int)` is internal in the real source too.
 */
public enum class Accelerator(public val value: Int) {
    NONE(0),
    CPU(1),
    GPU(2),
    NPU(3);

    public companion object {
        internal fun of(value: Int): Accelerator = throw RuntimeException("stub")
    }
}

/** Base class of every LiteRT 2.x handle type; `close()` is final and idempotent. */
public abstract class JniHandle internal constructor(internal val handle: Long) : AutoCloseable {
    protected fun assertNotDestroyed() {
        throw RuntimeException("stub")
    }

    protected abstract fun destroy()

    final override fun close() {
        throw RuntimeException("stub")
    }
}
