package android;

/**
 * The framework's R class (android.jar). Only {@code R.color.white} is used. Field values are the
 * platform's public resource ids (compilers inline them): white = 0x0106000b.
 */
public final class R {
    public R() {
        throw new RuntimeException("stub");
    }

    public static final class color {
        public static final int white = 17170443; // 0x0106000b

        public color() {
            throw new RuntimeException("stub");
        }
    }
}
