package kotlinx.coroutines

import java.io.Closeable
import java.util.concurrent.Executor
import java.util.concurrent.ExecutorService

/** kotlinx-coroutines-core (jvm/src/Executors.kt); the experimental companion `Key` is omitted. */
public abstract class ExecutorCoroutineDispatcher : CoroutineDispatcher(), Closeable, AutoCloseable {
    public abstract val executor: Executor

    public abstract override fun close()
}

@JvmName("from")
public fun ExecutorService.asCoroutineDispatcher(): ExecutorCoroutineDispatcher = throw RuntimeException("stub")

@JvmName("from")
public fun Executor.asCoroutineDispatcher(): CoroutineDispatcher = throw RuntimeException("stub")

public fun CoroutineDispatcher.asExecutor(): Executor = throw RuntimeException("stub")
