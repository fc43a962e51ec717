package android;

public final class Manifest {
    public Manifest() {
        throw new RuntimeException("stub");
    }

    public static final class permission {
        public static final String CAMERA = "android.permission.CAMERA";

        public permission() {
            throw new RuntimeException("stub");
        }
    }
}
