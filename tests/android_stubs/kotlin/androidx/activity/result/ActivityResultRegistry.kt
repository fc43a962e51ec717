package androidx.activity.result

/** Only needed as a parameter type of ActivityResultCaller; its members are omitted. */
public abstract class ActivityResultRegistry
