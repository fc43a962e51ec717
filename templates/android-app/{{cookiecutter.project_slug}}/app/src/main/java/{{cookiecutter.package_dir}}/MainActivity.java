{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set gpu = cookiecutter.accelerator != "cpu" -%}
{%- set threads = cookiecutter.runtime != "mediapipe" -%}
{%- set thread_choices = [1, 2, 4, cookiecutter.num_threads | int] | unique | sort -%}
package {{ cookiecutter.package_name }};

import android.Manifest;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.graphics.Color;
import android.net.Uri;
import android.os.Bundle;
import android.provider.Settings;
import android.view.View;

import androidx.activity.EdgeToEdge;
import androidx.activity.OnBackPressedCallback;
import androidx.activity.SystemBarStyle;
import androidx.activity.result.ActivityResultLauncher;
import androidx.activity.result.PickVisualMediaRequest;
import androidx.activity.result.contract.ActivityResultContracts;
import androidx.annotation.Nullable;
import androidx.appcompat.app.AppCompatActivity;
import androidx.core.content.ContextCompat;
import androidx.core.graphics.Insets;
import androidx.core.view.ViewCompat;
import androidx.core.view.WindowInsetsCompat;
import androidx.lifecycle.ViewModelProvider;

import {{ cookiecutter.package_name }}.MainViewModel.CameraPermission;
import {{ cookiecutter.package_name }}.MainViewModel.ModelStatus;
import {{ cookiecutter.package_name }}.MainViewModel.PhotoState;
import {{ cookiecutter.package_name }}.MainViewModel.UiState;
import {{ cookiecutter.package_name }}.databinding.ActivityMainBinding;
import {{ cookiecutter.package_name }}.ml.Acceleration;
{%- if not detect %}
import {{ cookiecutter.package_name }}.ml.Category;
{%- endif %}
import {{ cookiecutter.package_name }}.ml.LatencyMonitor;
import {{ cookiecutter.package_name }}.ml.ModelConfig;
{%- if detect %}
import {{ cookiecutter.package_name }}.ml.Orientation;
{%- endif %}

import java.util.Locale;

/**
 * The one screen: live camera {{ "detection" if detect else "classification" }}, or a picked photo and its {{ "objects" if detect else "categories" }}. It only
 * renders {@link MainViewModel#state()} and forwards what the user does; the model lives in the
 * view model, so it loads once and survives rotation, and results only reach a started screen.
 */
public class MainActivity extends AppCompatActivity {
{%- if threads %}

    /** The thread counts the settings offer, and their buttons (same order). */
    private static final int[] THREAD_COUNTS = { {{- thread_choices | join(", ") -}} };
    private static final int[] THREAD_BUTTONS = { {%- for count in thread_choices %}R.id.threads_{{ count }}{% if not loop.last %}, {% endif %}{% endfor -%} };
{%- endif %}

    private ActivityMainBinding binding;
    private MainViewModel viewModel;
    private LiveCamera camera;

    private final ActivityResultLauncher<String> requestCameraPermission =
            registerForActivityResult(new ActivityResultContracts.RequestPermission(),
                    granted -> viewModel.onCameraPermissionResult(granted));

    private final ActivityResultLauncher<PickVisualMediaRequest> pickPhoto =
            registerForActivityResult(new ActivityResultContracts.PickVisualMedia(), uri -> {
                if (uri != null) {
                    viewModel.analyzePhoto(uri);
                }
            });

    /** Back from a photo returns to the camera; enabled only then, so Back otherwise leaves (with the predictive animation). */
    private final OnBackPressedCallback backToCamera = new OnBackPressedCallback(false) {
        @Override
        public void handleOnBackPressed() {
            viewModel.showLiveCamera();
        }
    };

    @Override
    protected void onCreate(@Nullable Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        // Light bar icons over the camera whatever the system's dark mode (the app is dark).
        EdgeToEdge.enable(this, SystemBarStyle.dark(Color.TRANSPARENT), SystemBarStyle.dark(Color.TRANSPARENT));
        binding = ActivityMainBinding.inflate(getLayoutInflater());
        setContentView(binding.getRoot());
        keepPanelsClearOfSystemBars();
        getOnBackPressedDispatcher().addCallback(this, backToCamera);
        binding.modelInfo.setText(getString(R.string.model_info, ModelConfig.MODEL_NAME, ModelConfig.MODEL_VERSION));

        viewModel = new ViewModelProvider(this).get(MainViewModel.class);
        camera = new LiveCamera(this, binding.preview, viewModel.analysisExecutor(), viewModel::analyzeFrame,
                viewModel::onCameraStatus);
        binding.pickPhotoButton.setOnClickListener(v -> pickPhoto.launch(new PickVisualMediaRequest.Builder()
                .setMediaType(ActivityResultContracts.PickVisualMedia.ImageOnly.INSTANCE)
                .build()));
        binding.cameraButton.setOnClickListener(v -> viewModel.showLiveCamera());
        binding.allowCameraButton.setOnClickListener(v -> askForCameraAgain());
{%- if gpu or threads %}
        listenToSettings();
{%- endif %}

        // Asked once each time the app starts (the view model outlives rotations, not the
        // process); without the camera, photos still work.
        UiState initial = viewModel.state().getValue();
        if (!hasCameraPermission() && initial != null && initial.cameraPermission == CameraPermission.UNKNOWN) {
            viewModel.onCameraPermissionRequested();
            requestCameraPermission.launch(Manifest.permission.CAMERA);
        }

        viewModel.state().observe(this, this::render);
    }

    @Override
    protected void onStart() {
        super.onStart();
        // Also notices a permission granted in Settings while the app was in the background.
        if (hasCameraPermission()) {
            viewModel.onCameraPermissionResult(true);
        }
    }

    private void render(UiState state) {
{%- if gpu or threads %}
        showSettings(state.acceleration);
{%- endif %}
        boolean failed = state.model == ModelStatus.FAILED;
        binding.errorPanel.setVisibility(failed ? View.VISIBLE : View.GONE);
        binding.resultPanel.setVisibility(failed ? View.GONE : View.VISIBLE);
        if (failed) {
            camera.stop();
            binding.errorMessage.setText(state.modelError);
            binding.errorHint.setText(getString(R.string.model_error_hint, ModelConfig.MODEL_ASSET, ModelConfig.LABELS_ASSET));
            return;
        }
        binding.pickPhotoButton.setEnabled(state.model == ModelStatus.READY);
        binding.backend.setText(state.running != null ? describe(state.running) : "");
        PhotoState photo = state.photo;
        backToCamera.setEnabled(photo != null);
        binding.cameraButton.setVisibility(photo != null ? View.VISIBLE : View.GONE);
        binding.allowCameraButton.setVisibility(
                photo == null && state.cameraPermission == CameraPermission.DENIED ? View.VISIBLE : View.GONE);
        binding.pickedImage.setVisibility(photo != null && photo.image != null ? View.VISIBLE : View.GONE);
        if (photo == null) {
            binding.pickedImage.setImageDrawable(null);
            if (state.cameraPermission == CameraPermission.GRANTED) {
                camera.start();
            }
            if (state.model == ModelStatus.LOADING) {
                showStatus(getString(R.string.loading_model));
            } else if (state.cameraProblem != null) {
                showStatus(getString(R.string.camera_unavailable, state.cameraProblem));
            } else if (state.cameraPermission == CameraPermission.DENIED) {
                showStatus(getString(R.string.camera_permission_denied));
            } else {
                showStatus("");
            }
            showResult(state.liveResult{% if detect %}, camera.displayOrientation(state.liveRotationDegrees), true{% endif %});
            showLatency(state.latency);
            return;
        }
        camera.stop();
        if (photo.image != null) {
            binding.pickedImage.setImageBitmap(photo.image);
            showStatus("");
        } else if (photo.error != null) {
            showStatus(getString(R.string.photo_unreadable, photo.error));
        } else {
            showStatus(getString(R.string.reading_photo));
        }
        showResult(photo.result{% if detect %}, Orientation.UPRIGHT, false{% endif %});
        showLatency(photo.result != null ? LatencyMonitor.Summary.of(photo.result.timing) : null);
    }
{%- if detect %}

    /**
     * {@code orientation} turns the result's boxes the way the view below shows its image;
     * {@code fill}: that view scales its image to cover (camera preview), false: to fit (photo).
     */
    private void showResult(@Nullable ObjectDetectorHelper.Result result, Orientation orientation, boolean fill) {
        binding.overlay.show(result, orientation, fill);
        if (result == null) {
            binding.results.setText(R.string.no_result);
            return;
        }
        int found = result.detections.size();
        binding.results.setText(found == 0
                ? getString(R.string.no_objects)
                : getResources().getQuantityString(R.plurals.objects_found, found, found));
    }
{%- else %}

    private void showResult(@Nullable ImageClassifierHelper.Result result) {
        if (result == null) {
            binding.results.setText(R.string.no_result);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Category category : result.categories) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(String.format(Locale.ROOT, "%-24s %5.1f%%", category.label(), category.score() * 100));
        }
        binding.results.setText(text);
    }
{%- endif %}

    /** Mean, P50 and P95 of each stage, one line each; nothing before the first result. */
    private void showLatency(@Nullable LatencyMonitor.Summary summary) {
        boolean shown = summary != null && summary.count() > 0;
        binding.latency.setVisibility(shown ? View.VISIBLE : View.GONE);
        if (!shown) {
            return;
        }
        binding.latency.setText(getResources().getQuantityString(R.plurals.latency_over, summary.count(), summary.count())
                + "\n" + latencyRow(R.string.latency_preprocess, summary.preprocess())
                + "\n" + latencyRow(R.string.latency_inference, summary.inference())
                + "\n" + latencyRow(R.string.latency_postprocess, summary.postprocess()));
    }

    private String latencyRow(int name, LatencyMonitor.Stage stage) {
        return String.format(Locale.ROOT, "%-9s %7.1f %7.1f %7.1f", getString(name), stage.mean(), stage.p50(), stage.p95());
    }

    /** What runs the model, said plainly (and why it is not the GPU that was asked for). */
    private String describe(Acceleration running) {
{%- if gpu %}
        String reason = running.fallbackReason();
        if (reason != null) {
{%- if threads %}
            return getResources().getQuantityString(R.plurals.gpu_fell_back, running.threads(), running.threads(), reason);
{%- else %}
            return getString(R.string.gpu_fell_back, reason);
{%- endif %}
        }
        if (running.backend() == Acceleration.Backend.GPU) {
            return ModelConfig.GPU_LIMITS.isEmpty()
                    ? getString(R.string.running_on_gpu)
                    : getString(R.string.running_on_gpu_partly, ModelConfig.GPU_LIMITS);
        }
{%- endif %}
{%- if threads %}
        return getResources().getQuantityString(R.plurals.running_on_cpu, running.threads(), running.threads());
{%- else %}
        return getString(R.string.running_on_cpu);
{%- endif %}
    }
{%- if gpu or threads %}

    /** The settings change the view model's acceleration, which reloads the model; equal values are ignored. */
    private void listenToSettings() {
{%- if gpu %}
        binding.backendGroup.addOnButtonCheckedListener((group, checkedId, isChecked) -> {
            if (isChecked) {
                Acceleration.Backend backend =
                        checkedId == R.id.backend_gpu ? Acceleration.Backend.GPU : Acceleration.Backend.CPU;
                viewModel.setAcceleration(currentAcceleration().withBackend(backend));
            }
        });
{%- endif %}
{%- if threads %}
        binding.threadsGroup.addOnButtonCheckedListener((group, checkedId, isChecked) -> {
            for (int i = 0; i < THREAD_BUTTONS.length; i++) {
                if (isChecked && THREAD_BUTTONS[i] == checkedId) {
                    viewModel.setAcceleration(currentAcceleration().withThreads(THREAD_COUNTS[i]));
                }
            }
        });
{%- endif %}
    }

    private Acceleration currentAcceleration() {
        UiState state = viewModel.state().getValue();
        return state != null ? state.acceleration : ModelConfig.DEFAULT_ACCELERATION;
    }

    private void showSettings(Acceleration acceleration) {
{%- if gpu %}
        binding.backendGroup.check(acceleration.backend() == Acceleration.Backend.GPU ? R.id.backend_gpu : R.id.backend_cpu);
{%- endif %}
{%- if threads %}
        for (int i = 0; i < THREAD_COUNTS.length; i++) {
            if (THREAD_COUNTS[i] == acceleration.threads()) {
                binding.threadsGroup.check(THREAD_BUTTONS[i]);
            }
        }
{%- endif %}
    }
{%- endif %}

    private void showStatus(String message) {
        binding.status.setText(message);
        binding.status.setVisibility(message.isEmpty() ? View.GONE : View.VISIBLE);
    }

    /**
     * After a denial the system asks once more; after a second one (or "don't ask again") it
     * answers by itself, so only the app's settings page can turn the camera on.
     */
    private void askForCameraAgain() {
        if (shouldShowRequestPermissionRationale(Manifest.permission.CAMERA)) {
            requestCameraPermission.launch(Manifest.permission.CAMERA);
        } else {
            startActivity(new Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS,
                    Uri.fromParts("package", getPackageName(), null)));
        }
    }

    private boolean hasCameraPermission() {
        return ContextCompat.checkSelfPermission(this, Manifest.permission.CAMERA)
                == PackageManager.PERMISSION_GRANTED;
    }

    /**
     * The window is edge to edge (enforced from targetSdk 35): the camera fills the screen and the
     * panels add the system bars and display cutout to their own padding.
     */
    private void keepPanelsClearOfSystemBars() {
        View results = binding.resultPanel;
        View error = binding.errorPanel;
        int[] resultsPadding = {results.getPaddingLeft(), results.getPaddingTop(), results.getPaddingRight(), results.getPaddingBottom()};
        int[] errorPadding = {error.getPaddingLeft(), error.getPaddingTop(), error.getPaddingRight(), error.getPaddingBottom()};
        ViewCompat.setOnApplyWindowInsetsListener(binding.getRoot(), (root, insets) -> {
            Insets bars = insets.getInsets(WindowInsetsCompat.Type.systemBars() | WindowInsetsCompat.Type.displayCutout());
            // The result panel sits at the bottom: only the error panel reaches the status bar.
            results.setPadding(resultsPadding[0] + bars.left, resultsPadding[1],
                    resultsPadding[2] + bars.right, resultsPadding[3] + bars.bottom);
            error.setPadding(errorPadding[0] + bars.left, errorPadding[1] + bars.top,
                    errorPadding[2] + bars.right, errorPadding[3] + bars.bottom);
            return insets;
        });
    }
}
