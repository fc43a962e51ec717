@file:Suppress("NOTHING_TO_INLINE", "unused")

package androidx.core.view

import android.view.View

/** core-ktx (core/core-ktx/src/main/java/androidx/core/view/View.kt, facade ViewKt). */
public inline fun View.doOnLayout(crossinline action: (view: View) -> Unit) {
    throw RuntimeException("stub")
}

public inline fun View.updatePadding(
    left: Int = paddingLeft,
    top: Int = paddingTop,
    right: Int = paddingRight,
    bottom: Int = paddingBottom,
) {
    throw RuntimeException("stub")
}

public inline var View.isVisible: Boolean
    get() = throw RuntimeException("stub")
    set(value) {
        throw RuntimeException("stub")
    }
