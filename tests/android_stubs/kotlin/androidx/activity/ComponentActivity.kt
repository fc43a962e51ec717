package androidx.activity

import android.app.Activity
import android.os.Bundle
import android.view.View
import androidx.activity.result.ActivityResultCallback
import androidx.activity.result.ActivityResultCaller
import androidx.activity.result.ActivityResultLauncher
import androidx.activity.result.ActivityResultRegistry
import androidx.activity.result.contract.ActivityResultContract
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ViewModelStore
import androidx.lifecycle.ViewModelStoreOwner

/**
 * activity (Kotlin since 1.9). Its public superclass is android.app.Activity (the restricted
 * androidx.core.app.ComponentActivity in between is hidden from the API). Other owner interfaces
 * (HasDefaultViewModelProviderFactory, SavedStateRegistryOwner, ContextAware, MenuHost, ...) are
 * omitted.
 */
public open class ComponentActivity() :
    Activity(),
    LifecycleOwner,
    ActivityResultCaller,
    OnBackPressedDispatcherOwner,
    ViewModelStoreOwner {

    public constructor(contentLayoutId: Int) : this()

    override val lifecycle: Lifecycle
        get() = throw RuntimeException("stub")

    final override val onBackPressedDispatcher: OnBackPressedDispatcher
        get() = throw RuntimeException("stub")

    override val viewModelStore: ViewModelStore
        get() = throw RuntimeException("stub")

    override fun onCreate(savedInstanceState: Bundle?) {
        throw RuntimeException("stub")
    }

    override fun setContentView(view: View?) {
        throw RuntimeException("stub")
    }

    final override fun <I, O> registerForActivityResult(
        contract: ActivityResultContract<I, O>,
        callback: ActivityResultCallback<O>,
    ): ActivityResultLauncher<I> = throw RuntimeException("stub")

    final override fun <I, O> registerForActivityResult(
        contract: ActivityResultContract<I, O>,
        registry: ActivityResultRegistry,
        callback: ActivityResultCallback<O>,
    ): ActivityResultLauncher<I> = throw RuntimeException("stub")
}
