package androidx.lifecycle

import androidx.lifecycle.viewmodel.CreationExtras
import kotlin.reflect.KClass

/**
 * lifecycle-viewmodel androidMain `actual open class ViewModelProvider`. NewInstanceFactory,
 * AndroidViewModelFactory, the companion (`create`, `VIEW_MODEL_KEY`) and `Factory.from` are omitted.
 */
public open class ViewModelProvider private constructor(@Suppress("UNUSED_PARAMETER") unused: Unit) {

    @JvmOverloads
    public constructor(
        store: ViewModelStore,
        factory: Factory,
        defaultCreationExtras: CreationExtras = CreationExtras.Empty,
    ) : this(Unit)

    public constructor(owner: ViewModelStoreOwner) : this(Unit)

    public constructor(owner: ViewModelStoreOwner, factory: Factory) : this(Unit)

    public open operator fun <T : ViewModel> get(modelClass: Class<T>): T = throw RuntimeException("stub")

    public open operator fun <T : ViewModel> get(key: String, modelClass: Class<T>): T =
        throw RuntimeException("stub")

    public operator fun <T : ViewModel> get(modelClass: KClass<T>): T = throw RuntimeException("stub")

    public operator fun <T : ViewModel> get(key: String, modelClass: KClass<T>): T =
        throw RuntimeException("stub")

    public interface Factory {
        public fun <T : ViewModel> create(modelClass: Class<T>): T = throw RuntimeException("stub")

        public fun <T : ViewModel> create(modelClass: Class<T>, extras: CreationExtras): T =
            throw RuntimeException("stub")

        public fun <T : ViewModel> create(modelClass: KClass<T>, extras: CreationExtras): T =
            throw RuntimeException("stub")
    }
}
