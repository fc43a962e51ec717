package androidx.lifecycle.viewmodel

/**
 * lifecycle-viewmodel (an abstract class since 2.9, an interface before). No public constructor;
 * the companion's `Key()` factory and MutableCreationExtras are omitted.
 */
public abstract class CreationExtras internal constructor() {
    public abstract operator fun <T> get(key: Key<T>): T?

    public interface Key<T>

    public object Empty : CreationExtras() {
        override fun <T> get(key: Key<T>): T? = throw RuntimeException("stub")
    }
}
