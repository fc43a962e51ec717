package androidx.lifecycle

/** lifecycle-common (Kotlin since 2.6): a property, seen from Java as getLifecycle(). */
public interface LifecycleOwner {
    public val lifecycle: Lifecycle
}

/** lifecycle-common 2.9+ (facade LifecycleOwnerKt, Java `getLifecycleScope(owner)`). */
public val LifecycleOwner.lifecycleScope: LifecycleCoroutineScope
    get() = throw RuntimeException("stub")
