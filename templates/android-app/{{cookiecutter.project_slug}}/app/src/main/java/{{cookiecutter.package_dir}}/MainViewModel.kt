{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set run = "detect" if detect else "classify" -%}
{%- set live_stream = cookiecutter.runtime == "mediapipe" -%}
{%- set gpu = cookiecutter.accelerator != "cpu" -%}
package {{ cookiecutter.package_name }}

import android.app.Application
import android.content.Context
import android.graphics.Bitmap
import android.net.Uri
import android.util.Log
import androidx.camera.core.ImageProxy
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.LatencyMonitor
import {{ cookiecutter.package_name }}.ml.ModelConfig
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * Owns the model for as long as the screen exists, rotations included: loads it (again when the
 * backend or thread setting changes), runs camera frames and picked photos through it on one
 * background thread, and publishes what the screen shows as [state]. [MainActivity] only renders
 * [state] and forwards what the user does.
 */
class MainViewModel(application: Application) : AndroidViewModel(application) {

    /** Whether the model is usable yet. */
    sealed interface ModelStatus {
        data object Loading : ModelStatus
        data object Ready : ModelStatus
        data class Failed(val message: String) : ModelStatus
    }

    /** A picked photo on screen, from the moment it is picked. */
    sealed interface PhotoState {
        data object Loading : PhotoState

        /** [image] is the photo turned upright, exactly as the model saw it. */
        data class Shown(val image: Bitmap, val result: {{ Helper }}.Result) : PhotoState
        data class Failed(val message: String) : PhotoState
    }

    /** UNKNOWN: not asked since the app started; REQUESTED: the system dialog is up. */
    enum class CameraPermission { UNKNOWN, REQUESTED, GRANTED, DENIED }

    /** Everything the screen shows; the activity keeps no state of its own. */
    data class UiState(
        val model: ModelStatus = ModelStatus.Loading,
        /** The backend and threads the settings ask for. */
        val acceleration: Acceleration = ModelConfig.DEFAULT_ACCELERATION,
        /** What runs once the model is loaded: [acceleration], or the CPU and why. */
        val running: Acceleration? = null,
        /** Latency of the latest camera results, per stage. */
        val latency: LatencyMonitor.Summary? = null,
        /** Whether camera frames are flowing. */
        val cameraOpen: Boolean = false,
        /** The latest camera result while the camera is open. */
        val liveResult: {{ Helper }}.Result? = null,
{%- if detect %}
        /** The clockwise rotation that made [liveResult]'s frame upright. */
        val liveRotationDegrees: Int = 0,
{%- endif %}
        /** Non-null while a picked photo is on screen: the camera is off and Back returns to it. */
        val photo: PhotoState? = null,
        val cameraPermission: CameraPermission = CameraPermission.UNKNOWN,
        /** Why the camera could not start (none on this device, or in use by another app). */
        val cameraProblem: String? = null,
    )

    private val _state = MutableStateFlow(UiState())
    val state: StateFlow<UiState> = _state.asStateFlow()

    /**
     * The one thread that touches [helper] (the interpreter is not thread-safe): the model loads
     * here, camera frames are analysed here ([analysisExecutor]) and photos are classified here.
     */
    private val worker = Executors.newSingleThreadExecutor()
    private val workerDispatcher = worker.asCoroutineDispatcher()

    /** Only read and written on [worker]. */
    private var helper: {{ Helper }}? = null

    /** The latest camera results' latencies; cleared when the backend changes. */
    private val latency = LatencyMonitor(LATENCY_WINDOW)

    /** The latest model load, replaced when the settings change again before it is done. */
    private var loadJob: Job? = null

    /** Numbers loads; only the latest one's outcome reaches the screen. Main thread only. */
    private var loadRequest = 0

    /** The backend and threads last chosen, kept across launches. */
    private val settings = application.getSharedPreferences(SETTINGS, Context.MODE_PRIVATE)

    /** Numbers photo requests; a result that is not for the latest one is dropped. Main thread only. */
    private var photoRequest = 0

    /** The latest photo's work, cancelled when it is no longer wanted. */
    private var photoJob: Job? = null

    /** Where the camera delivers frames, so that [analyzeFrame] runs on [worker]. */
    val analysisExecutor: Executor get() = worker

    init {
        val saved = savedAcceleration()
        _state.update { it.copy(acceleration = saved) }
        load(saved)
    }

    /**
     * From the settings: rebuilds the model on [requested]'s backend and threads, off the main
     * thread and without restarting anything else. Camera frames are dropped meanwhile.
     */
    fun setAcceleration(requested: Acceleration) {
        if (requested == _state.value.acceleration) return
        settings.edit().putString(KEY_BACKEND, requested.backend().name).putInt(KEY_THREADS, requested.threads()).apply()
        _state.update { it.copy(acceleration = requested, model = ModelStatus.Loading, running = null, liveResult = null, latency = null) }
        load(requested)
    }

    private fun savedAcceleration(): Acceleration {
        val default = ModelConfig.DEFAULT_ACCELERATION
        val backend = Acceleration.Backend.values().firstOrNull { it.name == settings.getString(KEY_BACKEND, null) }
        return Acceleration.requested(backend ?: default.backend(), settings.getInt(KEY_THREADS, default.threads()))
    }

    /** (Re)loads the model on [requested]'s backend; a later call supersedes one not yet started. */
    private fun load(requested: Acceleration) {
        val request = ++loadRequest
        loadJob?.cancel()
        loadJob = viewModelScope.launch {
{%- if gpu %}
            var crashed = false
{%- endif %}
            val loaded = try {
                withContext(workerDispatcher) {
                    helper?.close()
                    helper = null
                    latency.clear()
{%- if gpu %}
                    // A GPU driver can kill the process natively, where no fallback can catch it: a
                    // marker left from the last launch means that happened, and the CPU runs instead.
                    crashed = requested.backend() == Acceleration.Backend.GPU && settings.getBoolean(KEY_GPU_STARTING, false)
                    val attempt = if (crashed) requested.withBackend(Acceleration.Backend.CPU) else requested
                    // Stays on the CPU until the user picks the GPU again.
                    if (crashed) settings.edit().putString(KEY_BACKEND, Acceleration.Backend.CPU.name).apply()
                    if (attempt.backend() == Acceleration.Backend.GPU) settings.edit().putBoolean(KEY_GPU_STARTING, true).commit()
{%- endif %}
{%- if gpu %}
                    val created = try {
                        create(attempt)
                    } finally {
                        settings.edit().putBoolean(KEY_GPU_STARTING, false).commit() // a Java failure is no crash
                    }
{%- else %}
                    val created = create(requested)
{%- endif %}
                    helper = created
{%- if gpu %}
                    if (crashed) Acceleration.fellBack(requested, "the GPU stopped the app when it last started") else created.acceleration
{%- else %}
                    created.acceleration
{%- endif %}
                }
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                Log.e(TAG, "Model failed to load", e)
                // A load the settings superseded meanwhile says nothing: the newer one will.
                if (request == loadRequest) _state.update { it.copy(model = ModelStatus.Failed(e.message ?: e.javaClass.name)) }
                return@launch
            }
{%- if gpu %}
            val setting = if (crashed) requested.withBackend(Acceleration.Backend.CPU) else requested
            if (request == loadRequest) _state.update { it.copy(model = ModelStatus.Ready, running = loaded, acceleration = setting) }
{%- else %}
            if (request == loadRequest) _state.update { it.copy(model = ModelStatus.Ready, running = loaded) }
{%- endif %}
        }
    }

    /** Builds the model helper on [acceleration]'s backend; on [worker]. */
    private fun create(acceleration: Acceleration): {{ Helper }} =
{%- if live_stream %}
        // Live results arrive on MediaPipe's own thread, one per frame it did not drop.
        {{ Helper }}.create(getApplication(), acceleration) { result{% if detect %}, rotationDegrees{% endif %} -> showLive(result{% if detect %}, rotationDegrees{% endif %}) }
{%- else %}
        {{ Helper }}.create(getApplication(), acceleration)
{%- endif %}

    /**
     * Runs on [analysisExecutor] for each camera frame. Frames that arrive while the model loads
     * or a photo is shown are dropped.
     */
    fun analyzeFrame(frame: ImageProxy) {
        val model = helper ?: return
        if (_state.value.photo != null) return
{%- if live_stream %}
        try {
            model.{{ run }}Live(frame)
        } catch (e: Exception) {
            Log.e(TAG, "Frame failed", e)
        }
    }
{%- else %}
{%- if detect %}
        val rotationDegrees = frame.imageInfo.rotationDegrees
{%- endif %}
        val result = try {
            model.{{ run }}(frame)
        } catch (e: Exception) {
            Log.e(TAG, "Frame failed", e)
            return
        }
        showLive(result{% if detect %}, rotationDegrees{% endif %})
    }
{%- endif %}

    /** A camera frame's result{% if detect %}, for a frame that [rotationDegrees] turned upright{% endif %}. */
    private fun showLive(result: {{ Helper }}.Result{% if detect %}, rotationDegrees: Int{% endif %}) {
        // A photo picked, or the camera closed, while this frame ran: its result is not shown.
        latency.add(result.timing)
        val summary = latency.summary()
        _state.update {
            if (it.photo == null && it.cameraOpen) {
                it.copy(liveResult = result, latency = summary{% if detect %}, liveRotationDegrees = rotationDegrees{% endif %})
            } else {
                it
            }
        }
    }

    /** Decodes and {{ "analyses" if detect else "classifies" }} a picked photo; the camera stays off until [showLiveCamera]. */
    fun analyzePhoto(uri: Uri) {
        val request = ++photoRequest
        photoJob?.cancel()
        _state.update { it.copy(photo = PhotoState.Loading) }
        photoJob = viewModelScope.launch {
            val shown = try {
                val photo = withContext(Dispatchers.IO) { Photo.decode(getApplication<Application>().contentResolver, uri) }
                val result = withContext(workerDispatcher) {
                    val model = checkNotNull(helper) { "the model is not loaded" }
                    model.{{ run }}(photo.bitmap, photo.orientation)
                }
                PhotoState.Shown(withContext(Dispatchers.Default) { photo.upright() }, result)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                Log.e(TAG, "Photo failed", e)
                PhotoState.Failed(e.message ?: e.javaClass.simpleName)
            }
            // The user may have gone back to the camera, or picked another photo, meanwhile.
            if (request == photoRequest) _state.update { it.copy(photo = shown) }
        }
    }

    /** Leaves the photo (if any) for the live camera; a photo still being analysed is dropped. */
    fun showLiveCamera() {
        photoRequest++
        photoJob?.cancel()
        _state.update { it.copy(photo = null) }
    }

    fun onCameraPermissionRequested() {
        _state.update { it.copy(cameraPermission = CameraPermission.REQUESTED) }
    }

    fun onCameraPermissionResult(granted: Boolean) {
        _state.update { it.copy(cameraPermission = if (granted) CameraPermission.GRANTED else CameraPermission.DENIED) }
    }

    /** From [LiveCamera]: results of a camera that is no longer open are dropped with it. */
    fun onCameraStatus(open: Boolean, problem: String?) {
        _state.update { it.copy(cameraOpen = open, cameraProblem = problem, liveResult = if (open) it.liveResult else null) }
    }

    override fun onCleared() {
        // After any frame or photo still running on the worker: the interpreter is closed on
        // the thread that uses it, never under it.
        worker.execute {
            helper?.close()
            helper = null
        }
        worker.shutdown()
    }

    private companion object {
        const val TAG = "MainViewModel"

        /** How many camera results the latency statistics are over. */
        const val LATENCY_WINDOW = 100

        const val SETTINGS = "model_settings"
        const val KEY_BACKEND = "backend"
        const val KEY_THREADS = "threads"
{%- if gpu %}
        const val KEY_GPU_STARTING = "gpu_starting"
{%- endif %}
    }
}
