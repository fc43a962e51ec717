{%- set detect = cookiecutter.task == "detect" -%}
package {{ cookiecutter.package_name }};

import android.util.Log;
import android.view.Display;
import android.view.OrientationEventListener;
import android.view.Surface;
import android.view.View;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.appcompat.app.AppCompatActivity;
import androidx.camera.core.Camera;
{%- if detect %}
import androidx.camera.core.CameraInfo;
{%- endif %}
import androidx.camera.core.CameraInfoUnavailableException;
import androidx.camera.core.CameraSelector;
import androidx.camera.core.CameraState;
import androidx.camera.core.ImageAnalysis;
import androidx.camera.core.ImageProxy;
import androidx.camera.core.Preview;
import androidx.camera.core.UseCaseGroup;
import androidx.camera.core.ViewPort;
import androidx.camera.lifecycle.ProcessCameraProvider;
import androidx.camera.view.PreviewView;
import androidx.core.content.ContextCompat;
import androidx.lifecycle.Lifecycle;
import androidx.lifecycle.LifecycleEventObserver;

{%- if detect %}

import {{ cookiecutter.package_name }}.ml.Orientation;
{%- endif %}

import com.google.common.util.concurrent.ListenableFuture;

import java.util.concurrent.Executor;

/**
 * The live camera of one activity: a preview and an analysis stream bound together.
 *
 * <ul>
 *   <li>One field of view by construction: both use cases are bound in a {@link UseCaseGroup} with
 *       the preview's {@link ViewPort}, so each analysis frame's crop rect is exactly what the
 *       preview shows, and only that part reaches the model.
 *   <li>Upright frames however the phone is held: the analysis target rotation follows the
 *       device's physical orientation (CameraX's orientation-listener pattern), including the 180°
 *       turns that do not recreate the activity and the angles a portrait-locked display never
 *       follows.
 *   <li>The back camera, or the front one on devices that have no back camera.
 * </ul>
 *
 * <p>{@link #start()} and {@link #stop()} can be called any number of times; stopped, the camera
 * is released (its privacy indicator goes off) and the orientation sensor is not listened to.
 * Whether frames flow, or why not, is reported to the {@link StatusListener} as it changes (errors
 * such as another app holding the camera arrive after binding, from the camera's state).
 */
public final class LiveCamera {

    private static final String TAG = "LiveCamera";

    /** Receives each analysis frame on the analysis executor. */
    public interface FrameListener {
        /**
         * An RGBA_8888 frame: its crop rect is the part the preview shows, its rotation what turns
         * it upright. Closed when this returns.
         */
        void onFrame(@NonNull ImageProxy frame);
    }

    /** Hears whether frames flow. */
    public interface StatusListener {
        /** {@code open}: frames are flowing; {@code problem}: why the camera cannot run, for the user (null: none). */
        void onStatus(boolean open, @Nullable String problem);
    }

    private final AppCompatActivity activity;
    private final PreviewView previewView;
    private final Executor analysisExecutor;
    private final FrameListener onFrame;
    private final StatusListener onStatus;
    private final OrientationEventListener orientationListener;

    private boolean started;
    @Nullable private ProcessCameraProvider provider;
    @Nullable private Preview preview;
    @Nullable private ImageAnalysis analysis;
    @Nullable private Camera camera;

    /** How the device is held, as a Surface.ROTATION_* value; -1 until the sensor reports. */
    private int deviceRotation = -1;

    /** @param analysisExecutor frames are delivered here, one at a time; newer frames replace waiting ones */
    public LiveCamera(@NonNull AppCompatActivity activity, @NonNull PreviewView previewView,
                      @NonNull Executor analysisExecutor, @NonNull FrameListener onFrame,
                      @NonNull StatusListener onStatus) {
        this.activity = activity;
        this.previewView = previewView;
        this.analysisExecutor = analysisExecutor;
        this.onFrame = onFrame;
        this.onStatus = onStatus;
        this.orientationListener = new OrientationEventListener(activity) {
            @Override
            public void onOrientationChanged(int orientation) {
                if (orientation == ORIENTATION_UNKNOWN) {
                    return; // flat on a table: keep the last one
                }
                int rotation;
                if (orientation >= 45 && orientation < 135) {
                    rotation = Surface.ROTATION_270;
                } else if (orientation >= 135 && orientation < 225) {
                    rotation = Surface.ROTATION_180;
                } else if (orientation >= 225 && orientation < 315) {
                    rotation = Surface.ROTATION_90;
                } else {
                    rotation = Surface.ROTATION_0;
                }
                deviceRotation = rotation;
                if (analysis != null) {
                    analysis.setTargetRotation(rotation);
                }
            }
        };
        // The sensor is only listened to while the screen is visible and the camera wanted.
        activity.getLifecycle().addObserver((LifecycleEventObserver) (source, event) -> {
            if (event == Lifecycle.Event.ON_START && started) {
                orientationListener.enable();
            } else if (event == Lifecycle.Event.ON_STOP) {
                orientationListener.disable();
            } else if (event == Lifecycle.Event.ON_DESTROY) {
                // This activity's frames end here (a rotation, or leaving): its results go with them.
                onStatus.onStatus(false, null);
            }
        });
    }

    public void start() {
        if (started) {
            return;
        }
        started = true;
        orientationListener.enable();
        if (provider != null) {
            bindOnceLaidOut(provider);
            return;
        }
        ListenableFuture<ProcessCameraProvider> future = ProcessCameraProvider.getInstance(activity);
        future.addListener(() -> {
            try {
                provider = future.get();
            } catch (Exception e) {
                Log.e(TAG, "Camera provider unavailable", e);
                onStatus.onStatus(false, describe(e));
                return;
            }
            bindOnceLaidOut(provider);
        }, ContextCompat.getMainExecutor(activity));
    }

    public void stop() {
        if (!started) {
            return;
        }
        started = false;
        orientationListener.disable();
        if (camera != null) {
            camera.getCameraInfo().getCameraState().removeObservers(activity);
        }
        if (provider != null) {
            // Only this activity's use cases: unbindAll() would also cut off another activity's.
            provider.unbind(preview, analysis);
        }
        preview = null;
        analysis = null;
        camera = null;
        onStatus.onStatus(false, null);
    }

    /** The preview's view port exists once the PreviewView is laid out and attached. */
    private void bindOnceLaidOut(ProcessCameraProvider provider) {
        if (previewView.isLaidOut() && !previewView.isLayoutRequested()) {
            bind(provider);
            return;
        }
        previewView.addOnLayoutChangeListener(new View.OnLayoutChangeListener() {
            @Override
            public void onLayoutChange(View view, int left, int top, int right, int bottom,
                                       int oldLeft, int oldTop, int oldRight, int oldBottom) {
                view.removeOnLayoutChangeListener(this);
                bind(provider);
            }
        });
    }

    private void bind(ProcessCameraProvider provider) {
        // stop() may have come first, or the activity may be gone by the time the provider is ready.
        if (!started || camera != null || activity.getLifecycle().getCurrentState() == Lifecycle.State.DESTROYED) {
            return;
        }
        CameraSelector selector;
        try {
            if (provider.hasCamera(CameraSelector.DEFAULT_BACK_CAMERA)) {
                selector = CameraSelector.DEFAULT_BACK_CAMERA;
            } else if (provider.hasCamera(CameraSelector.DEFAULT_FRONT_CAMERA)) {
                selector = CameraSelector.DEFAULT_FRONT_CAMERA;
            } else {
                selector = null;
            }
        } catch (CameraInfoUnavailableException e) {
            Log.e(TAG, "Camera information unavailable", e);
            selector = null;
        }
        if (selector == null) {
            onStatus.onStatus(false, activity.getString(R.string.no_camera));
            return;
        }
        Preview newPreview = new Preview.Builder().build();
        newPreview.setSurfaceProvider(previewView.getSurfaceProvider());
        // RGBA_8888 frames become an ARGB_8888 Bitmap without a YUV step; keep-only-latest drops
        // frames while the model is busy instead of queueing them up.
        ImageAnalysis newAnalysis = new ImageAnalysis.Builder()
                .setBackpressureStrategy(ImageAnalysis.STRATEGY_KEEP_ONLY_LATEST)
                .setOutputImageFormat(ImageAnalysis.OUTPUT_IMAGE_FORMAT_RGBA_8888)
                .setTargetRotation(deviceRotation >= 0 ? deviceRotation : displayRotation())
                .build();
        newAnalysis.setAnalyzer(analysisExecutor, image -> {
            try (image) {
                onFrame.onFrame(image);
            }
        });
        UseCaseGroup.Builder group = new UseCaseGroup.Builder().addUseCase(newPreview).addUseCase(newAnalysis);
        ViewPort viewPort = previewView.getViewPort();
        if (viewPort != null) {
            group.setViewPort(viewPort);
        }
        Camera bound;
        try {
            bound = provider.bindToLifecycle(activity, selector, group.build());
        } catch (RuntimeException e) { // use cases this camera cannot run together
            Log.e(TAG, "Camera failed to bind", e);
            onStatus.onStatus(false, describe(e));
            return;
        }
        camera = bound;
        preview = newPreview;
        analysis = newAnalysis;
        // Opening happens after binding: "in use by another app" and the like arrive here.
        bound.getCameraInfo().getCameraState().observe(activity, state -> {
            CameraState.StateError error = state.getError();
            onStatus.onStatus(state.getType() == CameraState.Type.OPEN, error != null ? describe(error) : null);
        });
    }

    private String describe(CameraState.StateError error) {
        switch (error.getCode()) {
            case CameraState.ERROR_CAMERA_IN_USE:
            case CameraState.ERROR_MAX_CAMERAS_IN_USE:
                return activity.getString(R.string.camera_in_use);
            case CameraState.ERROR_CAMERA_DISABLED:
                return activity.getString(R.string.camera_disabled);
            case CameraState.ERROR_DO_NOT_DISTURB_MODE_ENABLED:
                return activity.getString(R.string.camera_do_not_disturb);
            default:
                return activity.getString(R.string.camera_failed);
        }
    }
{%- if detect %}

    /**
     * How to turn a box found in a frame that {@code frameRotationDegrees} made upright so that it
     * lands on the preview. The frame is upright for the way the device is held, the preview for
     * the display, and the two differ whenever the display does not follow the device (auto-rotate
     * off, upside down); a front camera's preview is also mirrored.
     */
    @NonNull
    public Orientation displayOrientation(int frameRotationDegrees) {
        if (camera == null) {
            return Orientation.UPRIGHT;
        }
        CameraInfo info = camera.getCameraInfo();
        int turn = (info.getSensorRotationDegrees(displayRotation()) - frameRotationDegrees + 360) % 360;
        if (info.getLensFacing() == CameraSelector.LENS_FACING_FRONT) {
            // Turning, then mirroring, is mirroring, then turning the other way.
            return Orientation.of((360 - turn) % 360, true);
        }
        return Orientation.ofRotation(turn);
    }
{%- endif %}

    private int displayRotation() {
        Display display = previewView.getDisplay();
        return display != null ? display.getRotation() : Surface.ROTATION_0;
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
