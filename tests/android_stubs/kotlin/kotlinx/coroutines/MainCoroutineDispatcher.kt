package kotlinx.coroutines

/** kotlinx-coroutines-core (common/src/MainCoroutineDispatcher.kt). */
public abstract class MainCoroutineDispatcher : CoroutineDispatcher() {
    public abstract val immediate: MainCoroutineDispatcher
}
