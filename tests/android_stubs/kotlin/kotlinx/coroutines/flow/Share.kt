@file:JvmMultifileClass
@file:JvmName("FlowKt")

package kotlinx.coroutines.flow

/** kotlinx-coroutines-core (common/src/flow/operators/Share.kt): asStateFlow only. */
public fun <T> MutableStateFlow<T>.asStateFlow(): StateFlow<T> = throw RuntimeException("stub")
