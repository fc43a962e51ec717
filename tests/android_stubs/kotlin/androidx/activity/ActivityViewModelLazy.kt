package androidx.activity

import androidx.lifecycle.ViewModel
import androidx.lifecycle.ViewModelProvider.Factory
import androidx.lifecycle.viewmodel.CreationExtras

/**
 * activity-ktx up to 1.11, activity from 1.12 (same package and facade ActivityViewModelLazyKt).
 * The HIDDEN `viewModels(factoryProducer)` overload and the 1.13 `viewModels(key, ...)` are omitted.
 */
public inline fun <reified VM : ViewModel> ComponentActivity.viewModels(
    noinline extrasProducer: (() -> CreationExtras)? = null,
    noinline factoryProducer: (() -> Factory)? = null,
): Lazy<VM> = throw RuntimeException("stub")
