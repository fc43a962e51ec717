package kotlinx.coroutines

/** kotlinx-coroutines-core (jvm/src/Exceptions.kt): `actual typealias` on the JVM. */
public typealias CancellationException = java.util.concurrent.CancellationException
