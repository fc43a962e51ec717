package org.tensorflow.lite.support.image;

import android.graphics.Bitmap;
import org.tensorflow.lite.DataType;

/**
 * TFLite Support library 0.4.4 (tensorflow-lite-support-api). Omitted: the load(...) overloads,
 * createFrom, getBitmap/getBuffer/getTensorBuffer/getMediaImage/getDataType/getColorSpaceType.
 */
public class TensorImage {
    public TensorImage() {
        throw new RuntimeException("stub");
    }

    public TensorImage(DataType dataType) {
        throw new RuntimeException("stub");
    }

    public static TensorImage fromBitmap(Bitmap bitmap) {
        throw new RuntimeException("stub");
    }

    public int getWidth() {
        throw new RuntimeException("stub");
    }

    public int getHeight() {
        throw new RuntimeException("stub");
    }
}
