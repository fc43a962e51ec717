package androidx.fragment.app;

import android.os.Bundle;
import androidx.activity.ComponentActivity;
import androidx.annotation.Nullable;

/** Real class also implements ActivityCompat.OnRequestPermissionsResultCallback and friends (omitted). */
public class FragmentActivity extends ComponentActivity {
    public FragmentActivity() {
        throw new RuntimeException("stub");
    }

    public FragmentActivity(int contentLayoutId) {
        throw new RuntimeException("stub");
    }

    @Override
    protected void onCreate(@Nullable Bundle savedInstanceState) {
        throw new RuntimeException("stub");
    }

    @Override
    protected void onDestroy() {
        throw new RuntimeException("stub");
    }
}
