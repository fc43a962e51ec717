package androidx.activity.result

public fun interface ActivityResultCallback<O : Any?> {
    public fun onActivityResult(result: O)
}
