package com.google.ai.edge.litert

import android.content.res.AssetManager

/**
 * LiteRT 2.x: TensorType, as in Model.kt. ElementType has no UINT8/FLOAT16 (asking for the type of
 * such a tensor throws LiteRtException "Unsupported element type in Kotlin", although
 * getInputTensorType declares no @Throws); newer sources add INT16, so a `when` over it needs an
 * `else` branch.
 */
public data class TensorType
@JvmOverloads
constructor(val elementType: ElementType, val layout: Layout? = null) {

    init {
        throw RuntimeException("stub")
    }

    public enum class ElementType {
        INT,
        FLOAT,
        INT8,
        BOOLEAN,
        INT64,
    }

    public data class Layout
    @JvmOverloads
    constructor(val dimensions: List<Int>, val strides: List<Int> = listOf()) {

        @JvmOverloads
        public constructor(
            dimensions: IntArray,
            strides: IntArray = intArrayOf(),
        ) : this(dimensions.toList(), strides.toList())

        init {
            throw RuntimeException("stub")
        }

        public val rank: Int
            get() = throw RuntimeException("stub")

        public val hasStrides: Boolean
            get() = throw RuntimeException("stub")
    }
}

/**
 * LiteRT 2.x CompiledModel. Omitted: QualcommOptions and `Options.qualcommOptions`,
 * createInputBuffer/createOutputBuffer's requirement queries (TensorBufferRequirements is not
 * stubbed). There is no isFullyAccelerated() and no way to list tensor names or quantization
 * parameters from Kotlin.
 */
public class CompiledModel private constructor(handle: Long) : JniHandle(handle) {

    public data class CpuOptions
    constructor(
        val numThreads: Int? = null,
        val xnnPackFlags: Int? = null,
        val xnnPackWeightCachePath: String? = null,
    ) {
        init {
            throw RuntimeException("stub")
        }
    }

    public data class GpuOptions
    constructor(
        val constantTensorSharing: Boolean? = null,
        val infiniteFloatCapping: Boolean? = null,
        val allowSrcQuantizedFcConvOps: Boolean? = null,
        val precision: Precision? = null,
        val bufferStorageType: BufferStorageType? = null,
        val preferTextureWeights: Boolean? = null,
        val serializationDir: String? = null,
        val modelCacheKey: String? = null,
        val serializeProgramCache: Boolean? = null,
        val serializeExternalTensors: Boolean? = null,
        val externalTensorsMode: Boolean? = null,
        val externalTensorPattern: String? = null,
        val backend: Backend? = null,
        val priority: Priority? = null,
        val numStepsOfCommandBufferPreparations: Int? = null,
    ) {
        init {
            throw RuntimeException("stub")
        }

        public enum class Precision(public val value: Int) {
            DEFAULT(0),
            FP16(1),
            FP32(2),
            FP16_WITH_FP32_ACCUM(3),
        }

        public enum class BufferStorageType(public val value: Int) {
            DEFAULT(0),
            BUFFER(1),
            TEXTURE_2D(2),
        }

        public enum class Backend(public val value: Int) {
            AUTOMATIC(0),
            OPENCL(1),
            @Deprecated("Use AUTOMATIC instead.") WEBGPU(2),
            OPENGL(3),
        }

        public enum class Priority(public val value: Int) {
            DEFAULT(0),
            LOW(1),
            NORMAL(2),
            HIGH(3),
        }
    }

    /**
     * Java: `new CompiledModel.Options(Accelerator.GPU, Accelerator.CPU)` (vararg) or
     * `CompiledModel.Options.getCPU()`. NPU alone gets CPU added at create time.
     */
    public class Options constructor(internal val accelerators: Set<Accelerator>) {

        public constructor(vararg accelerators: Accelerator) : this(setOf(*accelerators))

        init {
            throw RuntimeException("stub")
        }

        public var cpuOptions: CpuOptions?
            get() = throw RuntimeException("stub")
            set(value) = throw RuntimeException("stub")

        public var gpuOptions: GpuOptions?
            get() = throw RuntimeException("stub")
            set(value) = throw RuntimeException("stub")

        public companion object {
            @JvmStatic
            public val CPU: Options
                get() = throw RuntimeException("stub")
        }
    }

    @Throws(LiteRtException::class)
    public fun createInputBuffer(inputName: String, signature: String = ""): TensorBuffer =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun createOutputBuffer(outputName: String, signature: String = ""): TensorBuffer =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    @JvmOverloads
    public fun createInputBuffers(signatureIndex: Int = 0): List<TensorBuffer> =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun createInputBuffers(signature: String): List<TensorBuffer> =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    @JvmOverloads
    public fun createOutputBuffers(signatureIndex: Int = 0): List<TensorBuffer> =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun createOutputBuffers(signature: String): List<TensorBuffer> =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    @JvmOverloads
    public fun run(inputs: List<TensorBuffer>, signatureIndex: Int = 0): List<TensorBuffer> =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    public fun run(inputs: List<TensorBuffer>, signature: String): List<TensorBuffer> =
        throw RuntimeException("stub")

    @Throws(LiteRtException::class)
    @JvmOverloads
    public fun run(inputs: List<TensorBuffer>, outputs: List<TensorBuffer>, signatureIndex: Int = 0) {
        throw RuntimeException("stub")
    }

    @Throws(LiteRtException::class)
    public fun run(inputs: List<TensorBuffer>, outputs: List<TensorBuffer>, signature: String) {
        throw RuntimeException("stub")
    }

    @Throws(LiteRtException::class)
    public fun run(
        inputs: Map<String, TensorBuffer>,
        outputs: Map<String, TensorBuffer>,
        signature: String = "",
    ) {
        throw RuntimeException("stub")
    }

    /** Name = signature input name (or graph tensor name); "" = the first signature. No @Throws. */
    public fun getInputTensorType(inputName: String, signature: String = ""): TensorType =
        throw RuntimeException("stub")

    public fun getOutputTensorType(outputName: String, signature: String = ""): TensorType =
        throw RuntimeException("stub")

    override fun destroy() {
        throw RuntimeException("stub")
    }

    public companion object {
        @Throws(LiteRtException::class)
        @JvmOverloads
        @JvmStatic
        public fun create(
            assetManager: AssetManager,
            assetName: String,
            options: Options = Options.CPU,
            optionalEnv: Environment? = null,
        ): CompiledModel = throw RuntimeException("stub")

        @Throws(LiteRtException::class)
        @JvmOverloads
        @JvmStatic
        public fun create(
            filePath: String,
            options: Options = Options.CPU,
            optionalEnv: Environment? = null,
        ): CompiledModel = throw RuntimeException("stub")
    }
}
