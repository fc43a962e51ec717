package {{ cookiecutter.package_name }}.ml;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The EXIF tag of an orientation is the one it was read from (the runtimes are given EXIF tags). */
public class OrientationTest {

    @Test
    public void exifOrientationIsFromExifTurnedAround() {
        for (int tag = 1; tag <= 8; tag++) {
            assertEquals("EXIF orientation " + tag, tag, Orientation.fromExif(tag).exifOrientation());
        }
    }
}
