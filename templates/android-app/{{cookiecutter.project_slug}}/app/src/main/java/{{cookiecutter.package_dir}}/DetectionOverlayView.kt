package {{ cookiecutter.package_name }}

import android.content.Context
import android.graphics.Canvas
import android.graphics.Paint
import android.util.AttributeSet
import android.util.TypedValue
import android.view.View
import androidx.core.content.ContextCompat
import {{ cookiecutter.package_name }}.ml.ImageGeometry
import {{ cookiecutter.package_name }}.ml.Orientation
import java.util.Locale

/**
 * Draws detection boxes, each with its label and score, over the camera preview or a photo.
 * Boxes arrive in the pixels of the upright image the model saw; they are turned the way the view
 * below shows that image (see [LiveCamera.displayOrientation]), then mapped with the same scaling
 * it uses: FILL_CENTER for PreviewView, fitCenter for the photo's ImageView. This view must have
 * the same bounds as the view it covers.
 */
class DetectionOverlayView @JvmOverloads constructor(
    context: Context,
    attrs: AttributeSet? = null,
) : View(context, attrs) {

    private var result: ObjectDetectorHelper.Result? = null
    private var orientation = Orientation.UPRIGHT
    private var fillView = true

    private val boxPaint = Paint(Paint.ANTI_ALIAS_FLAG).apply {
        style = Paint.Style.STROKE
        strokeWidth = dp(3f)
        color = ContextCompat.getColor(context, R.color.brand)
    }
    private val labelPaint = Paint(Paint.ANTI_ALIAS_FLAG).apply {
        style = Paint.Style.FILL
        color = ContextCompat.getColor(context, R.color.brand)
    }
    private val textPaint = Paint(Paint.ANTI_ALIAS_FLAG).apply {
        color = ContextCompat.getColor(context, android.R.color.white)
        textSize = TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_SP, 14f, resources.displayMetrics)
    }

    /**
     * Shows [result] (null clears the overlay), its boxes turned by [orientation]. [fill]: the view
     * below scales its image to cover this view (camera preview); false: it scales the image to
     * fit (photo).
     */
    fun show(result: ObjectDetectorHelper.Result?, orientation: Orientation, fill: Boolean) {
        this.result = result
        this.orientation = orientation
        this.fillView = fill
        invalidate()
    }

    override fun onDraw(canvas: Canvas) {
        super.onDraw(canvas)
        val result = result ?: return
        val metrics = textPaint.fontMetrics
        val textHeight = metrics.descent - metrics.ascent
        val padding = dp(4f)
        val (shownWidth, shownHeight) = orientation.uprightSize(result.imageWidth, result.imageHeight)
        result.detections.forEachIndexed { i, detection ->
            val turned = ImageGeometry.orient(result.imageBoxes[i], result.imageWidth, result.imageHeight, orientation)
            val box = ImageGeometry.toView(turned, shownWidth, shownHeight, width, height, fillView)
            val left = box.left().toFloat()
            val top = box.top().toFloat()
            canvas.drawRect(left, top, box.right().toFloat(), box.bottom().toFloat(), boxPaint)

            val text = String.format(Locale.ROOT, "%s %.0f%%", detection.label(), detection.score() * 100)
            // The label sits above the box, or just inside it when the box touches the top edge.
            val labelTop = if (top - textHeight - 2 * padding >= 0) top - textHeight - 2 * padding else top
            canvas.drawRect(left, labelTop, left + textPaint.measureText(text) + 2 * padding, labelTop + textHeight + 2 * padding, labelPaint)
            canvas.drawText(text, left + padding, labelTop + padding - metrics.ascent, textPaint)
        }
    }

    private fun dp(value: Float) = TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_DIP, value, resources.displayMetrics)
}
