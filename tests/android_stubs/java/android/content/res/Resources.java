package android.content.res;

import android.util.DisplayMetrics;
import androidx.annotation.NonNull;

public class Resources {
    private Resources() {
        throw new RuntimeException("stub");
    }

    public String getResourceName(int resid) throws NotFoundException {
        throw new RuntimeException("stub");
    }

    @NonNull
    public String getQuantityString(int id, int quantity, Object... formatArgs) throws NotFoundException {
        throw new RuntimeException("stub");
    }

    @NonNull
    public String getQuantityString(int id, int quantity) throws NotFoundException {
        throw new RuntimeException("stub");
    }

    public DisplayMetrics getDisplayMetrics() {
        throw new RuntimeException("stub");
    }

    public static class NotFoundException extends RuntimeException {
        public NotFoundException() {
            throw new RuntimeException("stub");
        }

        public NotFoundException(String name) {
            throw new RuntimeException("stub");
        }
    }
}
