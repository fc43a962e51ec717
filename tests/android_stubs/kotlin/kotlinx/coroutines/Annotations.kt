package kotlinx.coroutines

/** kotlinx-coroutines-core (common/src/Annotations.kt); only the marker that CoroutineStart.ATOMIC uses. */
@MustBeDocumented
@Retention(value = AnnotationRetention.BINARY)
@RequiresOptIn(
    level = RequiresOptIn.Level.WARNING,
    message = "This is a delicate API and its use requires care." +
        " Make sure you fully read and understand documentation of the declaration that is marked as a delicate API.",
)
public annotation class DelicateCoroutinesApi
