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

import java.util.Locale;

/**
 * Draws detection boxes, each with its label and score, over the camera preview or a photo.
 * Boxes arrive in the upright image's pixels and are mapped to this view with the same scaling the
 * view below uses: FILL_CENTER for PreviewView, fitCenter for the photo's ImageView. This view must
 * have the same bounds as the view it covers.
 */
public class DetectionOverlayView extends View {

    private ObjectDetectorHelper.Result result;
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
     * Shows {@code result} (null clears the overlay). {@code fill}: the view below scales its image
     * to cover this view (camera preview); false: it scales the image to fit (photo).
     */
    public void show(@Nullable ObjectDetectorHelper.Result result, boolean fill) {
        this.result = result;
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
        for (int i = 0; i < result.detections.size(); i++) {
            Detection detection = result.detections.get(i);
            Box box = ImageGeometry.toView(result.imageBoxes.get(i), result.imageWidth, result.imageHeight,
                    getWidth(), getHeight(), fillView);
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
