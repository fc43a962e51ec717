{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set gpu = cookiecutter.accelerator != "cpu" -%}
{%- set threads = cookiecutter.runtime != "mediapipe" -%}
{%- set thread_choices = [1, 2, 4, cookiecutter.num_threads | int] | unique | sort -%}
package {{ cookiecutter.package_name }}

import android.Manifest
import android.content.Intent
import android.content.pm.PackageManager
import android.graphics.Color
import android.net.Uri
import android.os.Bundle
import android.provider.Settings
import androidx.activity.OnBackPressedCallback
import androidx.activity.SystemBarStyle
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.PickVisualMediaRequest
import androidx.activity.result.contract.ActivityResultContracts
import androidx.activity.viewModels
import androidx.appcompat.app.AppCompatActivity
import androidx.core.content.ContextCompat
import androidx.core.view.ViewCompat
import androidx.core.view.WindowInsetsCompat
import androidx.core.view.isVisible
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.lifecycleScope
import androidx.lifecycle.repeatOnLifecycle
import {{ cookiecutter.package_name }}.MainViewModel.CameraPermission
import {{ cookiecutter.package_name }}.MainViewModel.ModelStatus
import {{ cookiecutter.package_name }}.MainViewModel.PhotoState
import {{ cookiecutter.package_name }}.databinding.ActivityMainBinding
import {{ cookiecutter.package_name }}.ml.Acceleration
import {{ cookiecutter.package_name }}.ml.LatencyMonitor
import {{ cookiecutter.package_name }}.ml.ModelConfig
{%- if detect %}
import {{ cookiecutter.package_name }}.ml.Orientation
{%- endif %}
import java.util.Locale
import kotlinx.coroutines.launch

/**
 * The one screen: live camera {{ "detection" if detect else "classification" }}, or a picked photo and its {{ "objects" if detect else "categories" }}. It only
 * renders [MainViewModel.state] and forwards what the user does; the model lives in the view
 * model, so it loads once and survives rotation, and results only reach a started screen.
 */
class MainActivity : AppCompatActivity() {

    private lateinit var binding: ActivityMainBinding
    private lateinit var camera: LiveCamera
    private val viewModel: MainViewModel by viewModels()

    private val requestCameraPermission =
        registerForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
            viewModel.onCameraPermissionResult(granted)
        }

    private val pickPhoto =
        registerForActivityResult(ActivityResultContracts.PickVisualMedia()) { uri ->
            if (uri != null) viewModel.analyzePhoto(uri)
        }

    /** Back from a photo returns to the camera; enabled only then, so Back otherwise leaves (with the predictive animation). */
    private val backToCamera = object : OnBackPressedCallback(false) {
        override fun handleOnBackPressed() = viewModel.showLiveCamera()
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // Light bar icons over the camera whatever the system's dark mode (the app is dark).
        enableEdgeToEdge(SystemBarStyle.dark(Color.TRANSPARENT), SystemBarStyle.dark(Color.TRANSPARENT))
        binding = ActivityMainBinding.inflate(layoutInflater)
        setContentView(binding.root)
        keepPanelsClearOfSystemBars()
        onBackPressedDispatcher.addCallback(this, backToCamera)
        binding.modelInfo.text = getString(R.string.model_info, ModelConfig.MODEL_NAME, ModelConfig.MODEL_VERSION)

        camera = LiveCamera(this, binding.preview, viewModel.analysisExecutor, viewModel::analyzeFrame, viewModel::onCameraStatus)
        binding.pickPhotoButton.setOnClickListener {
            pickPhoto.launch(PickVisualMediaRequest(ActivityResultContracts.PickVisualMedia.ImageOnly))
        }
        binding.cameraButton.setOnClickListener { viewModel.showLiveCamera() }
        binding.allowCameraButton.setOnClickListener { askForCameraAgain() }
{%- if gpu or threads %}
        listenToSettings()
{%- endif %}

        // Asked once each time the app starts (the view model outlives rotations, not the
        // process); without the camera, photos still work.
        if (!hasCameraPermission() && viewModel.state.value.cameraPermission == CameraPermission.UNKNOWN) {
            viewModel.onCameraPermissionRequested()
            requestCameraPermission.launch(Manifest.permission.CAMERA)
        }

        lifecycleScope.launch {
            repeatOnLifecycle(Lifecycle.State.STARTED) {
                viewModel.state.collect(::render)
            }
        }
    }

    override fun onStart() {
        super.onStart()
        // Also notices a permission granted in Settings while the app was in the background.
        if (hasCameraPermission()) viewModel.onCameraPermissionResult(true)
    }

    private fun render(state: MainViewModel.UiState) {
{%- if gpu or threads %}
        showSettings(state.acceleration)
{%- endif %}
        val model = state.model
        binding.errorPanel.isVisible = model is ModelStatus.Failed
        binding.resultPanel.isVisible = model !is ModelStatus.Failed
        if (model is ModelStatus.Failed) {
            camera.stop()
            binding.errorMessage.text = model.message
            binding.errorHint.text = getString(R.string.model_error_hint, ModelConfig.MODEL_ASSET, ModelConfig.LABELS_ASSET)
            return
        }
        binding.pickPhotoButton.isEnabled = model == ModelStatus.Ready
        binding.backend.text = state.running?.let(::describe) ?: ""
        val photo = state.photo
        backToCamera.isEnabled = photo != null
        binding.cameraButton.isVisible = photo != null
        binding.allowCameraButton.isVisible = photo == null && state.cameraPermission == CameraPermission.DENIED
        binding.pickedImage.isVisible = photo is PhotoState.Shown
        when (photo) {
            null -> {
                binding.pickedImage.setImageDrawable(null)
                if (state.cameraPermission == CameraPermission.GRANTED) camera.start()
                showStatus(
                    when {
                        model == ModelStatus.Loading -> getString(R.string.loading_model)
                        state.cameraProblem != null -> getString(R.string.camera_unavailable, state.cameraProblem)
                        state.cameraPermission == CameraPermission.DENIED -> getString(R.string.camera_permission_denied)
                        else -> ""
                    },
                )
                showResult(state.liveResult{% if detect %}, camera.displayOrientation(state.liveRotationDegrees), fill = true{% endif %})
                showLatency(state.latency)
            }
            PhotoState.Loading -> {
                camera.stop()
                showStatus(getString(R.string.reading_photo))
                showResult(null{% if detect %}, Orientation.UPRIGHT, fill = false{% endif %})
                showLatency(null)
            }
            is PhotoState.Shown -> {
                camera.stop()
                binding.pickedImage.setImageBitmap(photo.image)
                showStatus("")
                showResult(photo.result{% if detect %}, Orientation.UPRIGHT, fill = false{% endif %})
                showLatency(LatencyMonitor.Summary.of(photo.result.timing))
            }
            is PhotoState.Failed -> {
                camera.stop()
                showStatus(getString(R.string.photo_unreadable, photo.message))
                showResult(null{% if detect %}, Orientation.UPRIGHT, fill = false{% endif %})
                showLatency(null)
            }
        }
    }
{%- if detect %}

    /**
     * [orientation] turns the result's boxes the way the view below shows its image; [fill]: that
     * view scales its image to cover (camera preview), false: to fit (photo).
     */
    private fun showResult(result: ObjectDetectorHelper.Result?, orientation: Orientation, fill: Boolean) {
        binding.overlay.show(result, orientation, fill)
        binding.results.text = when {
            result == null -> getString(R.string.no_result)
            result.detections.isEmpty() -> getString(R.string.no_objects)
            else -> resources.getQuantityString(R.plurals.objects_found, result.detections.size, result.detections.size)
        }
    }
{%- else %}

    private fun showResult(result: ImageClassifierHelper.Result?) {
        binding.results.text = result?.categories?.joinToString("\n") {
            String.format(Locale.ROOT, "%-24s %5.1f%%", it.label(), it.score() * 100)
        } ?: getString(R.string.no_result)
    }
{%- endif %}

    /** Mean, P50 and P95 of each stage, one line each; nothing before the first result. */
    private fun showLatency(summary: LatencyMonitor.Summary?) {
        binding.latency.isVisible = summary != null && summary.count() > 0
        if (summary == null || summary.count() == 0) return
        val row = { name: Int, stage: LatencyMonitor.Stage ->
            String.format(Locale.ROOT, "%-9s %7.1f %7.1f %7.1f", getString(name), stage.mean(), stage.p50(), stage.p95())
        }
        binding.latency.text = listOf(
            resources.getQuantityString(R.plurals.latency_over, summary.count(), summary.count()),
            row(R.string.latency_preprocess, summary.preprocess()),
            row(R.string.latency_inference, summary.inference()),
            row(R.string.latency_postprocess, summary.postprocess()),
        ).joinToString("\n")
    }

    /** What runs the model, said plainly (and why it is not the GPU that was asked for). */
    private fun describe(running: Acceleration): String {
        val reason = running.fallbackReason()
        return when {
{%- if gpu %}
{%- if threads %}
            reason != null -> resources.getQuantityString(R.plurals.gpu_fell_back, running.threads(), running.threads(), reason)
{%- else %}
            reason != null -> getString(R.string.gpu_fell_back, reason)
{%- endif %}
            running.backend() == Acceleration.Backend.GPU && ModelConfig.GPU_LIMITS.isNotEmpty() ->
                getString(R.string.running_on_gpu_partly, ModelConfig.GPU_LIMITS)
            running.backend() == Acceleration.Backend.GPU -> getString(R.string.running_on_gpu)
{%- endif %}
{%- if threads %}
            else -> resources.getQuantityString(R.plurals.running_on_cpu, running.threads(), running.threads())
{%- else %}
            else -> getString(R.string.running_on_cpu)
{%- endif %}
        }
    }
{%- if gpu or threads %}

    /** The settings change the view model's acceleration, which reloads the model; equal values are ignored. */
    private fun listenToSettings() {
{%- if gpu %}
        binding.backendGroup.addOnButtonCheckedListener { _, checkedId, isChecked ->
            if (isChecked) {
                val backend = if (checkedId == R.id.backend_gpu) Acceleration.Backend.GPU else Acceleration.Backend.CPU
                viewModel.setAcceleration(viewModel.state.value.acceleration.withBackend(backend))
            }
        }
{%- endif %}
{%- if threads %}
        binding.threadsGroup.addOnButtonCheckedListener { _, checkedId, isChecked ->
            val count = THREAD_BUTTONS.entries.firstOrNull { it.value == checkedId }?.key
            if (isChecked && count != null) viewModel.setAcceleration(viewModel.state.value.acceleration.withThreads(count))
        }
{%- endif %}
    }

    private fun showSettings(acceleration: Acceleration) {
{%- if gpu %}
        binding.backendGroup.check(if (acceleration.backend() == Acceleration.Backend.GPU) R.id.backend_gpu else R.id.backend_cpu)
{%- endif %}
{%- if threads %}
        THREAD_BUTTONS[acceleration.threads()]?.let { binding.threadsGroup.check(it) }
{%- endif %}
    }
{%- endif %}

    private fun showStatus(message: String) {
        binding.status.text = message
        binding.status.isVisible = message.isNotEmpty()
    }

    /**
     * After a denial the system asks once more; after a second one (or "don't ask again") it
     * answers by itself, so only the app's settings page can turn the camera on.
     */
    private fun askForCameraAgain() {
        if (shouldShowRequestPermissionRationale(Manifest.permission.CAMERA)) {
            requestCameraPermission.launch(Manifest.permission.CAMERA)
        } else {
            startActivity(Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", packageName, null)))
        }
    }

    private fun hasCameraPermission() =
        ContextCompat.checkSelfPermission(this, Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED

    /**
     * The window is edge to edge (enforced from targetSdk 35): the camera fills the screen and the
     * panels add the system bars and display cutout to their own padding.
     */
    private fun keepPanelsClearOfSystemBars() {
        val results = binding.resultPanel
        val error = binding.errorPanel
        val resultsPadding = intArrayOf(results.paddingLeft, results.paddingTop, results.paddingRight, results.paddingBottom)
        val errorPadding = intArrayOf(error.paddingLeft, error.paddingTop, error.paddingRight, error.paddingBottom)
        ViewCompat.setOnApplyWindowInsetsListener(binding.root) { _, insets ->
            val bars = insets.getInsets(WindowInsetsCompat.Type.systemBars() or WindowInsetsCompat.Type.displayCutout())
            // The result panel sits at the bottom: only the error panel reaches the status bar.
            results.setPadding(
                resultsPadding[0] + bars.left, resultsPadding[1], resultsPadding[2] + bars.right, resultsPadding[3] + bars.bottom,
            )
            error.setPadding(
                errorPadding[0] + bars.left, errorPadding[1] + bars.top, errorPadding[2] + bars.right, errorPadding[3] + bars.bottom,
            )
            insets
        }
    }
{%- if threads %}

    private companion object {
        /** The thread counts the settings offer, and their buttons. */
        val THREAD_BUTTONS = mapOf({% for count in thread_choices %}{{ count }} to R.id.threads_{{ count }}{% if not loop.last %}, {% endif %}{% endfor %})
    }
{%- endif %}
}
