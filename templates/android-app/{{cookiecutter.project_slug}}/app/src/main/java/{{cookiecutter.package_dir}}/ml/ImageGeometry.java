package {{ cookiecutter.package_name }}.ml;

/**
 * Maps boxes from the model's input back to the image, and from the image to the screen.
 * Mirrors {@code scaffold/reference/geometry.py}.
 *
{%- if cookiecutter.runtime in ("interpreter", "compiled-model") %}
 * <p>The model saw the upright image after it was fitted to the input (stretched, centre-cropped
 * or letterboxed, see {@link ImagePreprocessor}); a box only lands on its object if it goes back
 * through the same fitting. The second step follows
{%- else %}
 * <p>The runtime returns boxes in pixels of the image as stored; {@link #orient} turns them with
 * the image. The last step follows
{%- endif %} how Android shows the image: PreviewView's
 * FILL_CENTER for the camera (scaled to cover the view, overflow cropped) and ImageView's
 * fitCenter for photos (scaled to fit, centred). In between, {@link #orient} turns a box with the
 * image when the screen shows it another way up than the model saw it: the phone held at another
 * angle than the display's, or a front camera's mirrored preview.
 */
public final class ImageGeometry {

{%- if cookiecutter.runtime in ("interpreter", "compiled-model") %}
    private final int imageWidth;
    private final int imageHeight;
    private final int tensorWidth;
    private final int tensorHeight;
    private final ImagePreprocessor.ResizeMode resizeMode;

    /**
     * @param imageWidth width of the upright image (after rotation) the detector ran on
     * @param tensorWidth the model input's width, from its {@link TensorSpec}
     */
    public ImageGeometry(int imageWidth, int imageHeight, int tensorWidth, int tensorHeight,
                         ImagePreprocessor.ResizeMode resizeMode) {
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.tensorWidth = tensorWidth;
        this.tensorHeight = tensorHeight;
        this.resizeMode = resizeMode;
    }

    /** A box normalized to the model input → pixels of the upright image, clamped to the image. */
    public Box toImage(Box box) {
        double left;
        double top;
        double right;
        double bottom;
        if (resizeMode == ImagePreprocessor.ResizeMode.LETTERBOX) {
            int[] content = ImagePreprocessor.letterboxRect(imageWidth, imageHeight, tensorWidth, tensorHeight);
            double scaleX = (double) imageWidth / content[2];
            double scaleY = (double) imageHeight / content[3];
            left = (box.left() * tensorWidth - content[0]) * scaleX;
            right = (box.right() * tensorWidth - content[0]) * scaleX;
            top = (box.top() * tensorHeight - content[1]) * scaleY;
            bottom = (box.bottom() * tensorHeight - content[1]) * scaleY;
        } else {
            int[] rect = ImagePreprocessor.sourceRect(imageWidth, imageHeight, tensorWidth, tensorHeight, resizeMode);
            left = rect[0] + box.left() * rect[2];
            right = rect[0] + box.right() * rect[2];
            top = rect[1] + box.top() * rect[3];
            bottom = rect[1] + box.bottom() * rect[3];
        }
        return new Box(clamp(left, imageWidth), clamp(top, imageHeight), clamp(right, imageWidth), clamp(bottom, imageHeight));
    }
{%- else %}

    private ImageGeometry() {}
{%- endif %}

    /**
     * Image pixels → view pixels, for an image of {@code imageWidth} x {@code imageHeight} scaled to
     * {@code fill} the view (FILL_CENTER) or to fit it (fitCenter), centred either way.
     */
    public static Box toView(Box rect, int imageWidth, int imageHeight, int viewWidth, int viewHeight, boolean fill) {
        double scaleX = (double) viewWidth / imageWidth;
        double scaleY = (double) viewHeight / imageHeight;
        double scale = fill ? Math.max(scaleX, scaleY) : Math.min(scaleX, scaleY);
        double dx = (viewWidth - imageWidth * scale) / 2.0;
        double dy = (viewHeight - imageHeight * scale) / 2.0;
        return new Box(rect.left() * scale + dx, rect.top() * scale + dy,
                rect.right() * scale + dx, rect.bottom() * scale + dy);
    }

    /**
     * A box in an image of {@code width} x {@code height} → the same box once the image is turned
     * by {@code orientation}, exactly as {@link Orientation#apply} turns the pixels.
     */
    public static Box orient(Box box, int width, int height, Orientation orientation) {
        double left = box.left();
        double right = box.right();
        if (orientation.mirrored()) {
            left = width - box.right();
            right = width - box.left();
        }
        double top = box.top();
        double bottom = box.bottom();
        switch (orientation.rotationDegrees()) {
            case 90:
                return new Box(height - bottom, left, height - top, right);
            case 180:
                return new Box(width - right, height - bottom, width - left, height - top);
            case 270:
                return new Box(top, width - right, bottom, width - left);
            default:
                return new Box(left, top, right, bottom);
        }
    }

{%- if cookiecutter.runtime in ("task-library", "mediapipe") %}

    /**
     * A box in pixels of a whole stored frame, as the runtime returns it → pixels of the frame's
     * {@code width} x {@code height} part at ({@code left}, {@code top}) once {@code orientation}
     * has turned it upright. Clamped to the part: the runtimes do not clip their boxes.
     */
    public static Box fromFrame(Box box, int left, int top, int width, int height, Orientation orientation) {
        Box inPart = new Box(clamp(box.left() - left, width), clamp(box.top() - top, height),
                clamp(box.right() - left, width), clamp(box.bottom() - top, height));
        return orient(inPart, width, height, orientation);
    }
{%- endif %}

    private static double clamp(double value, int max) {
        return Math.min(Math.max(value, 0.0), (double) max);
    }
}
