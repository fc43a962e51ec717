package com.google.ai.edge.litert

import android.content.Context

/**
 * LiteRT 2.x. The two NpuAcceleratorProvider overloads of `create` are omitted
 * (NpuAcceleratorProvider is not stubbed). `create(Context, ...)` exists from 2.2.0; it turns on
 * the compiler cache in `context.cacheDir`. Later sources add `Option.SystemGpuAcceleratorHandle`
 * (internal use, `@suppress`); it is left out.
 */
public class Environment private constructor(handle: Long) : JniHandle(handle) {

    public enum class Option(public val value: Int) {
        CompilerPluginLibraryDir(0),
        DispatchLibraryDir(1),
        SystemRuntimeHandle(23),
    }

    override protected fun destroy() {
        throw RuntimeException("stub")
    }

    /** The accelerators registered in this environment (GPU only if its library loaded). */
    @Throws(LiteRtException::class)
    public fun getAvailableAccelerators(): Set<Accelerator> = throw RuntimeException("stub")

    public companion object {
        @Throws(LiteRtException::class)
        @JvmOverloads
        @JvmStatic
        public fun create(
            context: Context,
            options: Map<Option, String> = mapOf(),
            enableCompilerCache: Boolean = true,
        ): Environment = throw RuntimeException("stub")

        @Throws(LiteRtException::class)
        @JvmOverloads
        @JvmStatic
        public fun create(options: Map<Option, String> = mapOf()): Environment =
            throw RuntimeException("stub")
    }
}
