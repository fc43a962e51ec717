package androidx.activity.result

import androidx.activity.result.contract.ActivityResultContract
import androidx.core.app.ActivityOptionsCompat

public abstract class ActivityResultLauncher<I> {
    public open fun launch(input: I) {
        throw RuntimeException("stub")
    }

    public abstract fun launch(input: I, options: ActivityOptionsCompat?)

    public abstract fun unregister()

    public abstract val contract: ActivityResultContract<I, *>
}

public fun ActivityResultLauncher<Void?>.launch(options: ActivityOptionsCompat? = null) {
    throw RuntimeException("stub")
}

@JvmName("launchUnit")
public fun ActivityResultLauncher<Unit>.launch(options: ActivityOptionsCompat? = null) {
    throw RuntimeException("stub")
}
