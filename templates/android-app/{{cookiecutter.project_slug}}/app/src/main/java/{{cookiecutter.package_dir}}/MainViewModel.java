{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set run = "detect" if detect else "classify" -%}
{%- set live_stream = cookiecutter.runtime == "mediapipe" -%}
{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }};

import android.app.Application;
import android.content.ContentResolver;
import android.content.Context;
import android.content.SharedPreferences;
import android.graphics.Bitmap;
import android.net.Uri;
import android.util.Log;

import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
import androidx.camera.core.ImageProxy;
import androidx.core.content.ContextCompat;
import androidx.lifecycle.AndroidViewModel;
import androidx.lifecycle.LiveData;
import androidx.lifecycle.MutableLiveData;

import {{ cookiecutter.package_name }}.ml.Acceleration;
import {{ cookiecutter.package_name }}.ml.LatencyMonitor;
import {{ cookiecutter.package_name }}.ml.ModelConfig;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Owns the model for as long as the screen exists, rotations included: loads it (again when the
 * backend or thread setting changes), runs camera frames and picked photos through it on one
 * background thread, and publishes what the screen shows as {@link #state()}. {@link MainActivity} only renders the state and forwards what the
 * user does.
 *
 * <p>Threads: {@link #helper} is only touched on {@link #worker}; the state only changes on the
 * main thread ({@link #main}), so every change sees the one before it and a late result can be
 * checked against what the screen shows now.
 */
public class MainViewModel extends AndroidViewModel {

    private static final String TAG = "MainViewModel";

    /** How many camera results the latency statistics are over. */
    private static final int LATENCY_WINDOW = 100;

    private static final String SETTINGS = "model_settings";
    private static final String KEY_BACKEND = "backend";
    private static final String KEY_THREADS = "threads";
{%- if gpu %}
    private static final String KEY_GPU_STARTING = "gpu_starting";
{%- endif %}

    /** Whether the model is usable yet. */
    public enum ModelStatus { LOADING, READY, FAILED }

    /** UNKNOWN: not asked since the app started; REQUESTED: the system dialog is up. */
    public enum CameraPermission { UNKNOWN, REQUESTED, GRANTED, DENIED }

    /** A picked photo on screen, from the moment it is picked: loading, shown, or failed. */
    public static final class PhotoState {
        static final PhotoState LOADING = new PhotoState(null, null, null);

        /** The photo turned upright, exactly as the model saw it; null while loading or failed. */
        @Nullable public final Bitmap image;
        @Nullable public final {{ Helper }}.Result result;
        /** Why the photo could not be shown; null unless it failed. */
        @Nullable public final String error;

        private PhotoState(@Nullable Bitmap image, @Nullable {{ Helper }}.Result result, @Nullable String error) {
            this.image = image;
            this.result = result;
            this.error = error;
        }
    }

    /** Everything the screen shows; the activity keeps no state of its own. Immutable. */
    public static final class UiState {
        public final ModelStatus model;
        /** Why the model failed to load; null unless {@link ModelStatus#FAILED}. */
        @Nullable public final String modelError;
        /** The backend and threads the settings ask for. */
        public final Acceleration acceleration;
        /** What runs once the model is loaded: {@link #acceleration}, or the CPU and why; null while loading. */
        @Nullable public final Acceleration running;
        /** Latency of the latest camera results, per stage. */
        @Nullable public final LatencyMonitor.Summary latency;
        /** Whether camera frames are flowing. */
        public final boolean cameraOpen;
        /** The latest camera result while the camera is open. */
        @Nullable public final {{ Helper }}.Result liveResult;
{%- if detect %}
        /** The clockwise rotation that made {@link #liveResult}'s frame upright. */
        public final int liveRotationDegrees;
{%- endif %}
        /** Non-null while a picked photo is on screen: the camera is off and Back returns to it. */
        @Nullable public final PhotoState photo;
        public final CameraPermission cameraPermission;
        /** Why the camera could not start (none on this device, or in use by another app). */
        @Nullable public final String cameraProblem;

        UiState(ModelStatus model, @Nullable String modelError, Acceleration acceleration, @Nullable Acceleration running,
                @Nullable LatencyMonitor.Summary latency, boolean cameraOpen, @Nullable {{ Helper }}.Result liveResult,
{%- if detect %}
                int liveRotationDegrees,
{%- endif %}
                @Nullable PhotoState photo, CameraPermission cameraPermission, @Nullable String cameraProblem) {
            this.model = model;
            this.modelError = modelError;
            this.acceleration = acceleration;
            this.running = running;
            this.latency = latency;
            this.cameraOpen = cameraOpen;
            this.liveResult = liveResult;
{%- if detect %}
            this.liveRotationDegrees = liveRotationDegrees;
{%- endif %}
            this.photo = photo;
            this.cameraPermission = cameraPermission;
            this.cameraProblem = cameraProblem;
        }

        UiState withModel(ModelStatus model, @Nullable String modelError, @Nullable Acceleration running) {
            return new UiState(model, modelError, acceleration, running, latency, cameraOpen, liveResult,{% if detect %} liveRotationDegrees,{% endif %} photo, cameraPermission, cameraProblem);
        }

        /** New settings: the model reloads, and the old backend's results and latencies go. */
        UiState withAcceleration(Acceleration acceleration) {
            return new UiState(ModelStatus.LOADING, null, acceleration, null, null, cameraOpen, null,{% if detect %} liveRotationDegrees,{% endif %} photo, cameraPermission, cameraProblem);
        }

        UiState withLiveResult(@Nullable {{ Helper }}.Result liveResult, @Nullable LatencyMonitor.Summary latency{% if detect %}, int liveRotationDegrees{% endif %}) {
            return new UiState(model, modelError, acceleration, running, latency, cameraOpen, liveResult,{% if detect %} liveRotationDegrees,{% endif %} photo, cameraPermission, cameraProblem);
        }

        UiState withPhoto(@Nullable PhotoState photo) {
            return new UiState(model, modelError, acceleration, running, latency, cameraOpen, liveResult,{% if detect %} liveRotationDegrees,{% endif %} photo, cameraPermission, cameraProblem);
        }

        UiState withCameraPermission(CameraPermission cameraPermission) {
            return new UiState(model, modelError, acceleration, running, latency, cameraOpen, liveResult,{% if detect %} liveRotationDegrees,{% endif %} photo, cameraPermission, cameraProblem);
        }

        /** Results of a camera that is no longer open are dropped with it. */
        UiState withCameraStatus(boolean cameraOpen, @Nullable String cameraProblem) {
            return new UiState(model, modelError, acceleration, running, latency, cameraOpen, cameraOpen ? liveResult : null,{% if detect %} liveRotationDegrees,{% endif %} photo, cameraPermission, cameraProblem);
        }
    }

    private final MutableLiveData<UiState> state = new MutableLiveData<>(
            new UiState(ModelStatus.LOADING, null, ModelConfig.DEFAULT_ACCELERATION, null, null, false, null,{% if detect %} 0,{% endif %}
                    null, CameraPermission.UNKNOWN, null));

    /** The one thread that touches {@link #helper}: the interpreter is not thread-safe. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final Executor main;

    /** The backend and threads last chosen, kept across launches. */
    private final SharedPreferences settings;

    /** Only read and written on {@link #worker}. */
    private {{ Helper }} helper;

    /** The latest camera results' latencies; cleared when the backend changes. */
    private final LatencyMonitor latency = new LatencyMonitor(LATENCY_WINDOW);

    /** Numbers model loads; a load that is not the latest is skipped or its outcome dropped. */
    private volatile int loadRequest;

    /** Numbers photo requests; a result that is not for the latest one is dropped. Main thread only. */
    private int photoRequest;

    /** The latest photo's work, cancelled when it is no longer wanted. Main thread only. */
    @Nullable private Future<?> photoTask;

    /** Read by {@link #analyzeFrame} on the worker, to skip frames while a photo is shown. */
    private volatile boolean showingPhoto;

    public MainViewModel(@NonNull Application application) {
        super(application);
        main = ContextCompat.getMainExecutor(application);
        settings = application.getSharedPreferences(SETTINGS, Context.MODE_PRIVATE);
        Acceleration saved = savedAcceleration();
        update(current().withAcceleration(saved));
        load(saved);
    }

    /**
     * From the settings: rebuilds the model on {@code requested}'s backend and threads, off the
     * main thread and without restarting anything else. Camera frames are dropped meanwhile.
     */
    public void setAcceleration(@NonNull Acceleration requested) {
        if (requested.equals(current().acceleration)) {
            return;
        }
        settings.edit().putString(KEY_BACKEND, requested.backend().name()).putInt(KEY_THREADS, requested.threads()).apply();
        update(current().withAcceleration(requested));
        load(requested);
    }

    private Acceleration savedAcceleration() {
        Acceleration fallback = ModelConfig.DEFAULT_ACCELERATION;
        Acceleration.Backend backend = fallback.backend();
        for (Acceleration.Backend candidate : Acceleration.Backend.values()) {
            if (candidate.name().equals(settings.getString(KEY_BACKEND, null))) {
                backend = candidate;
            }
        }
        return Acceleration.requested(backend, settings.getInt(KEY_THREADS, fallback.threads()));
    }

    /** (Re)loads the model on {@code requested}'s backend; a later call supersedes one not yet started. */
    private void load(Acceleration requested) {
        int request = ++loadRequest;
        Application application = getApplication();
        worker.execute(() -> {
            if (request != loadRequest) {
                return; // the settings changed again before this load started
            }
            if (helper != null) {
                helper.close();
                helper = null;
            }
            latency.clear();
{%- if gpu %}
            // A GPU driver can kill the process natively, where no fallback can catch it: a marker
            // left from the last launch means that happened, and the CPU runs instead.
            boolean crashed = requested.backend() == Acceleration.Backend.GPU && settings.getBoolean(KEY_GPU_STARTING, false);
            Acceleration attempt = crashed ? requested.withBackend(Acceleration.Backend.CPU) : requested;
            if (crashed) {
                // Stays on the CPU until the user picks the GPU again.
                settings.edit().putString(KEY_BACKEND, Acceleration.Backend.CPU.name()).apply();
            }
            if (attempt.backend() == Acceleration.Backend.GPU) {
                settings.edit().putBoolean(KEY_GPU_STARTING, true).commit();
            }
{%- endif %}
            try {
{%- if gpu %}
                try {
                    helper = create(application, attempt);
                } finally {
                    settings.edit().putBoolean(KEY_GPU_STARTING, false).commit(); // a Java failure is no crash
                }
                Acceleration running = crashed
                        ? Acceleration.fellBack(requested, "the GPU stopped the app when it last started")
                        : helper.acceleration();
{%- else %}
                helper = create(application, requested);
                Acceleration running = helper.acceleration();
{%- endif %}
                main.execute(() -> {
                    if (request == loadRequest) {
{%- if gpu %}
                        UiState state = crashed ? current().withAcceleration(attempt) : current();
                        update(state.withModel(ModelStatus.READY, null, running));
{%- else %}
                        update(current().withModel(ModelStatus.READY, null, running));
{%- endif %}
                    }
                });
            } catch ({% if not live_stream %}IOException | {% endif %}RuntimeException e) {
                Log.e(TAG, "Model failed to load", e);
                String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
                main.execute(() -> {
                    if (request == loadRequest) {
                        update(current().withModel(ModelStatus.FAILED, message, null));
                    }
                });
            }
        });
    }

    /** Builds the model helper on {@code acceleration}'s backend; on the worker. */
    private {{ Helper }} create(Application application, Acceleration acceleration){% if not live_stream %} throws IOException{% endif %} {
{%- if live_stream %}
        // Live results arrive on MediaPipe's own thread, one per frame it did not drop.
        return {{ Helper }}.create(application, acceleration, this::showLive);
{%- else %}
        return {{ Helper }}.create(application, acceleration);
{%- endif %}
    }

    /** What the screen shows; delivered to observers only while they are started. */
    public LiveData<UiState> state() {
        return state;
    }

    /** Where the camera delivers frames, so that {@link #analyzeFrame} runs on the worker. */
    public Executor analysisExecutor() {
        return worker;
    }

    /**
     * Runs on {@link #analysisExecutor()} for each camera frame. Frames that arrive while the
     * model loads or a photo is shown are dropped.
     */
    public void analyzeFrame(@NonNull ImageProxy frame) {
        {{ Helper }} model = helper;
        if (model == null || showingPhoto) {
            return;
        }
{%- if live_stream %}
        try {
            model.{{ run }}Live(frame);
        } catch (RuntimeException e) {
            Log.e(TAG, "Frame failed", e);
        }
    }
{%- else %}
{%- if detect %}
        int rotationDegrees = frame.getImageInfo().getRotationDegrees();
{%- endif %}
        {{ Helper }}.Result result;
        try {
            result = model.{{ run }}(frame);
        } catch (RuntimeException e) {
            Log.e(TAG, "Frame failed", e);
            return;
        }
        showLive(result{% if detect %}, rotationDegrees{% endif %});
    }
{%- endif %}

    /** A camera frame's result{% if detect %}, for a frame that {@code rotationDegrees} turned upright{% endif %}; any thread. */
    private void showLive({{ Helper }}.Result result{% if detect %}, int rotationDegrees{% endif %}) {
        latency.add(result.timing);
        LatencyMonitor.Summary summary = latency.summary();
        main.execute(() -> {
            // A photo picked, or the camera closed, while this frame ran: its result is not shown.
            if (current().photo == null && current().cameraOpen) {
                update(current().withLiveResult(result, summary{% if detect %}, rotationDegrees{% endif %}));
            }
        });
    }

    /** Decodes and {{ "analyses" if detect else "classifies" }} a picked photo; the camera stays off until {@link #showLiveCamera}. */
    public void analyzePhoto(@NonNull Uri uri) {
        int request = ++photoRequest;
        showingPhoto = true;
        cancelPhotoTask();
        update(current().withPhoto(PhotoState.LOADING));
        ContentResolver resolver = getApplication().getContentResolver();
        photoTask = worker.submit(() -> {
            PhotoState shown;
            try {
                Photo photo = Photo.decode(resolver, uri);
                if (helper == null) {
                    throw new IllegalStateException("the model is not loaded");
                }
                {{ Helper }}.Result result = helper.{{ run }}(photo.bitmap(), photo.orientation());
                shown = new PhotoState(photo.upright(), result, null);
            } catch (IOException | RuntimeException e) {
                Log.e(TAG, "Photo failed", e);
                shown = new PhotoState(null, null, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            }
            PhotoState result = shown;
            main.execute(() -> {
                // The user may have gone back to the camera, or picked another photo, meanwhile.
                if (request == photoRequest) {
                    update(current().withPhoto(result));
                }
            });
        });
    }

    /** Leaves the photo (if any) for the live camera; a photo still being analysed is dropped. */
    public void showLiveCamera() {
        photoRequest++;
        showingPhoto = false;
        cancelPhotoTask();
        update(current().withPhoto(null));
    }

    public void onCameraPermissionRequested() {
        update(current().withCameraPermission(CameraPermission.REQUESTED));
    }

    public void onCameraPermissionResult(boolean granted) {
        CameraPermission permission = granted ? CameraPermission.GRANTED : CameraPermission.DENIED;
        if (current().cameraPermission != permission) {
            update(current().withCameraPermission(permission));
        }
    }

    /** From {@link LiveCamera}: whether frames flow, and why not. */
    public void onCameraStatus(boolean open, @Nullable String problem) {
        update(current().withCameraStatus(open, problem));
    }

    @Override
    protected void onCleared() {
        // After any frame or photo still running on the worker: the interpreter is closed on the
        // thread that uses it, never under it.
        worker.execute(() -> {
            if (helper != null) {
                helper.close();
                helper = null;
            }
        });
        worker.shutdown();
    }

    /** A photo still waiting for the worker is dropped (one already running finishes, unseen). */
    private void cancelPhotoTask() {
        if (photoTask != null) {
            photoTask.cancel(false);
            photoTask = null;
        }
    }

    private UiState current() {
        return state.getValue();
    }

    private void update(UiState next) {
        state.setValue(next);
    }
}
