package android.app;

import android.content.Intent;

import android.os.Bundle;
import android.view.ContextThemeWrapper;
import android.view.LayoutInflater;
import android.view.View;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;

public class Activity extends ContextThemeWrapper {
    public Activity() {
        throw new RuntimeException("stub");
    }

    @NonNull
    public LayoutInflater getLayoutInflater() {
        throw new RuntimeException("stub");
    }

    public void setContentView(int layoutResID) {
        throw new RuntimeException("stub");
    }

    public void setContentView(View view) {
        throw new RuntimeException("stub");
    }

    @Nullable
    public <T extends View> T findViewById(int id) {
        throw new RuntimeException("stub");
    }

    public final void runOnUiThread(Runnable action) {
        throw new RuntimeException("stub");
    }

    protected void onCreate(@Nullable Bundle savedInstanceState) {
        throw new RuntimeException("stub");
    }

    protected void onStart() {
        throw new RuntimeException("stub");
    }

    protected void onResume() {
        throw new RuntimeException("stub");
    }

    protected void onPause() {
        throw new RuntimeException("stub");
    }

    protected void onStop() {
        throw new RuntimeException("stub");
    }

    protected void onDestroy() {
        throw new RuntimeException("stub");
    }

    public void finish() {
        throw new RuntimeException("stub");
    }

    public boolean isChangingConfigurations() {
        throw new RuntimeException("stub");
    }

    public boolean shouldShowRequestPermissionRationale(@NonNull String permission) {
        throw new RuntimeException("stub");
    }

    @Override
    public void startActivity(Intent intent) {
        throw new RuntimeException("stub");
    }

    public final Application getApplication() {
        throw new RuntimeException("stub");
    }
}
