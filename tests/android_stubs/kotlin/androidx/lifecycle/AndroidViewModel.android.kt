package androidx.lifecycle

import android.app.Application

/** lifecycle-viewmodel androidMain (file AndroidViewModel.android.kt, facade AndroidViewModel_androidKt). */
public open class AndroidViewModel(application: Application) : ViewModel() {
    public open fun <T : Application> getApplication(): T = throw RuntimeException("stub")
}

public inline val AndroidViewModel.application: Application
    get() = throw RuntimeException("stub")
