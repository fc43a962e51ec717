package {{ cookiecutter.package_name }};

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.util.AttributeSet;
import android.util.TypedValue;
import android.view.View;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.core.content.ContextCompat;

import {{ cookiecutter.package_name }}.ml.Box;
import {{ cookiecutter.package_name }}.ml.Detection;
import {{ cookiecutter.package_name }}.ml.ImageGeometry;
import {{ cookiecutter.package_name }}.ml.Orientation;

import java.util.Locale;

/**
 * Draws detection boxes, each with its label and score, over the camera preview or a photo.
 * Boxes arrive in the pixels of the upright image the model saw; they are turned the way the view
 * below shows that image (see {@link LiveCamera#displayOrientation}), then mapped with the same
 * scaling it uses: FILL_CENTER for PreviewView, fitCenter for the photo's ImageView. This view must
 * have the same bounds as the view it covers.
 */
public class DetectionOverlayView extends View {

    private ObjectDetectorHelper.Result result;
    private Orientation orientation = Orientation.UPRIGHT;
    private boolean fillView = true;

    private final Paint boxPaint = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint labelPaint = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint textPaint = new Paint(Paint.ANTI_ALIAS_FLAG);

    public DetectionOverlayView(@NonNull Context context) {
        this(context, null);
    }

    public DetectionOverlayView(@NonNull Context context, @Nullable AttributeSet attrs) {
        super(context, attrs);
        int brand = ContextCompat.getColor(context, R.color.brand);
        boxPaint.setStyle(Paint.Style.STROKE);
        boxPaint.setStrokeWidth(dp(3f));
        boxPaint.setColor(brand);
        labelPaint.setStyle(Paint.Style.FILL);
        labelPaint.setColor(brand);
        textPaint.setColor(ContextCompat.getColor(context, android.R.color.white));
        textPaint.setTextSize(TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_SP, 14f, getResources().getDisplayMetrics()));
    }

    /**
     * Shows {@code result} (null clears the overlay), its boxes turned by {@code orientation}.
     * {@code fill}: the view below scales its image to cover this view (camera preview); false: it
     * scales the image to fit (photo).
     */
    public void show(@Nullable ObjectDetectorHelper.Result result, @NonNull Orientation orientation, boolean fill) {
        this.result = result;
        this.orientation = orientation;
        this.fillView = fill;
        invalidate();
    }

    @Override
    protected void onDraw(@NonNull Canvas canvas) {
        super.onDraw(canvas);
        if (result == null) {
            return;
        }
        Paint.FontMetrics metrics = textPaint.getFontMetrics();
        float textHeight = metrics.descent - metrics.ascent;
        float padding = dp(4f);
        int[] shown = orientation.uprightSize(result.imageWidth, result.imageHeight);
        for (int i = 0; i < result.detections.size(); i++) {
            Detection detection = result.detections.get(i);
            Box turned = ImageGeometry.orient(result.imageBoxes.get(i), result.imageWidth, result.imageHeight, orientation);
            Box box = ImageGeometry.toView(turned, shown[0], shown[1], getWidth(), getHeight(), fillView);
            float left = (float) box.left();
            float top = (float) box.top();
            canvas.drawRect(left, top, (float) box.right(), (float) box.bottom(), boxPaint);

            String text = String.format(Locale.ROOT, "%s %.0f%%", detection.label(), detection.score() * 100);
            // The label sits above the box, or just inside it when the box touches the top edge.
            float labelTop = top - textHeight - 2 * padding >= 0 ? top - textHeight - 2 * padding : top;
            canvas.drawRect(left, labelTop, left + textPaint.measureText(text) + 2 * padding,
                    labelTop + textHeight + 2 * padding, labelPaint);
            canvas.drawText(text, left + padding, labelTop + padding - metrics.ascent, textPaint);
        }
    }

    private float dp(float value) {
        return TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_DIP, value, getResources().getDisplayMetrics());
    }
}
