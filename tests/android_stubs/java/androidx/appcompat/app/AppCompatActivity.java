package androidx.appcompat.app;

import android.view.View;
import androidx.fragment.app.FragmentActivity;

/** Real class also implements AppCompatCallback, TaskStackBuilder.SupportParentable, ... (omitted). */
public class AppCompatActivity extends FragmentActivity {
    public AppCompatActivity() {
        throw new RuntimeException("stub");
    }

    public AppCompatActivity(int contentLayoutId) {
        throw new RuntimeException("stub");
    }

    @Override
    public void setContentView(int layoutResID) {
        throw new RuntimeException("stub");
    }

    @Override
    public void setContentView(View view) {
        throw new RuntimeException("stub");
    }

    @Override
    protected void onDestroy() {
        throw new RuntimeException("stub");
    }
}
