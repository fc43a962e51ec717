@file:JvmName("EdgeToEdge")

package androidx.activity

import android.content.res.Resources

/**
 * activity (EdgeToEdge.kt): Kotlin calls `enableEdgeToEdge()`, Java `EdgeToEdge.enable(activity)`.
 * The real defaults are `SystemBarStyle.auto(Color.TRANSPARENT, Color.TRANSPARENT)` and
 * `SystemBarStyle.auto(DefaultLightScrim, DefaultDarkScrim)`; default values are not part of the API.
 */
@JvmName("enable")
@JvmOverloads
public fun ComponentActivity.enableEdgeToEdge(
    statusBarStyle: SystemBarStyle = SystemBarStyle.auto(0, 0),
    navigationBarStyle: SystemBarStyle = SystemBarStyle.auto(0, 0),
) {
    throw RuntimeException("stub")
}

/** The style for the status bar or the navigation bar used in [enableEdgeToEdge]. */
public class SystemBarStyle private constructor() {
    public companion object {
        @JvmStatic
        @JvmOverloads
        public fun auto(
            lightScrim: Int,
            darkScrim: Int,
            detectDarkMode: (Resources) -> Boolean = { throw RuntimeException("stub") },
        ): SystemBarStyle = throw RuntimeException("stub")

        @JvmStatic
        public fun dark(scrim: Int): SystemBarStyle = throw RuntimeException("stub")

        @JvmStatic
        public fun light(scrim: Int, darkScrim: Int): SystemBarStyle = throw RuntimeException("stub")
    }
}
