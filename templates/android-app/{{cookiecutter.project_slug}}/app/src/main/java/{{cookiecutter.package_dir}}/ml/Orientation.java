package {{ cookiecutter.package_name }}.ml;

/**
 * How stored pixels are turned upright: mirrored left-right first (if {@link #mirrored()}), then
 * rotated clockwise by {@link #rotationDegrees()}. Mirrors {@code scaffold/reference/orientation.py}.
 *
 * <p>Camera frames only ever need a rotation (CameraX's {@code imageInfo.rotationDegrees}; analysis
 * frames are not mirrored, even from a front camera). Photos carry an EXIF orientation, and four of
 * its eight values (2, 4, 5, 7) include a mirror: ignoring it shows the model a mirror image.
 */
public final class Orientation {

    /** Pixels that are already upright. */
    public static final Orientation UPRIGHT = new Orientation(0, false);

    // All eight orientations, made once: camera frames ask for one every frame.
    private static final Orientation[] TURNED = {UPRIGHT, new Orientation(90, false), new Orientation(180, false), new Orientation(270, false)};
    private static final Orientation[] MIRRORED = {new Orientation(0, true), new Orientation(90, true), new Orientation(180, true), new Orientation(270, true)};

    private final int rotationDegrees;
    private final boolean mirrored;

    private Orientation(int rotationDegrees, boolean mirrored) {
        this.rotationDegrees = rotationDegrees;
        this.mirrored = mirrored;
    }

    /** Mirrored left-right first (if {@code mirrored}), then turned {@code rotationDegrees} clockwise. */
    public static Orientation of(int rotationDegrees, boolean mirrored) {
        if (rotationDegrees != 0 && rotationDegrees != 90 && rotationDegrees != 180 && rotationDegrees != 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, got " + rotationDegrees);
        }
        return (mirrored ? MIRRORED : TURNED)[rotationDegrees / 90];
    }

    /** A clockwise rotation, such as CameraX's {@code imageInfo.rotationDegrees}. */
    public static Orientation ofRotation(int rotationDegrees) {
        return of(rotationDegrees, false);
    }

    /**
     * The orientation an EXIF tag ({@code ExifInterface.TAG_ORIENTATION}) asks for. A missing,
     * undefined or out-of-range value means upright, as ExifInterface itself treats it.
     */
    public static Orientation fromExif(int exifOrientation) {
        switch (exifOrientation) {
            case 2: // mirrored left-right
                return of(0, true);
            case 3:
                return of(180, false);
            case 4: // mirrored top-bottom = mirrored left-right, then half a turn
                return of(180, true);
            case 5: // transposed (mirrored along the main diagonal)
                return of(270, true);
            case 6:
                return of(90, false);
            case 7: // transversed (mirrored along the other diagonal)
                return of(90, true);
            case 8:
                return of(270, false);
            default: // 1 (normal), 0 (undefined) or garbage
                return UPRIGHT;
        }
    }

    public int rotationDegrees() {
        return rotationDegrees;
    }

    /** The EXIF orientation tag (1 to 8) that asks for this orientation: {@link #fromExif} turned around. */
    public int exifOrientation() {
        if (!mirrored) {
            return new int[] {1, 6, 3, 8}[rotationDegrees / 90];
        }
        return new int[] {2, 7, 4, 5}[rotationDegrees / 90];
    }

    public boolean mirrored() {
        return mirrored;
    }

    /** True when width and height swap. */
    public boolean sideways() {
        return rotationDegrees == 90 || rotationDegrees == 270;
    }

    /** {width, height} of the upright image for stored pixels of {@code width} x {@code height}. */
    public int[] uprightSize(int width, int height) {
        return sideways() ? new int[] {height, width} : new int[] {width, height};
    }

    /**
     * Writes the upright pixels of {@code argb} ({@code width * height}, row by row) into
     * {@code out}, which must hold at least as many; returns {@code out}. Used by the
     * preprocessor, and by the app to show a photo exactly as the model saw it.
     */
    public int[] apply(int[] argb, int width, int height, int[] out) {
        int n = width * height;
        if (argb.length < n || out.length < n) {
            throw new IllegalArgumentException("pixel arrays are smaller than width * height");
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sx = mirrored ? width - 1 - x : x; // the mirror comes first
                int p = argb[y * width + x];
                switch (rotationDegrees) {
                    case 0:
                        out[y * width + sx] = p;
                        break;
                    case 90: // size height x width; (sx, y) moves to (height - 1 - y, sx)
                        out[sx * height + (height - 1 - y)] = p;
                        break;
                    case 180:
                        out[(height - 1 - y) * width + (width - 1 - sx)] = p;
                        break;
                    default: // 270: (sx, y) moves to (y, width - 1 - sx)
                        out[(width - 1 - sx) * height + y] = p;
                        break;
                }
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Orientation)) {
            return false;
        }
        Orientation that = (Orientation) other;
        return rotationDegrees == that.rotationDegrees && mirrored == that.mirrored;
    }

    @Override
    public int hashCode() {
        return rotationDegrees * 2 + (mirrored ? 1 : 0);
    }

    @Override
    public String toString() {
        return (mirrored ? "mirrored, then " : "") + "rotated " + rotationDegrees + " degrees clockwise";
    }
}
