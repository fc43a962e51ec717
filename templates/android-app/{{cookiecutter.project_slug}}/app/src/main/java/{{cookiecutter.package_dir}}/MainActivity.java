{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
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
{%- if not detect %}
import {{ cookiecutter.package_name }}.ml.Category;
{%- endif %}
import {{ cookiecutter.package_name }}.ml.ModelConfig;
{%- if detect %}
import {{ cookiecutter.package_name }}.ml.Orientation;
{%- else %}

import java.util.Locale;
{%- endif %}

/**
 * The one screen: live camera {{ "detection" if detect else "classification" }}, or a picked photo and its {{ "objects" if detect else "categories" }}. It only
 * renders {@link MainViewModel#state()} and forwards what the user does; the model lives in the
 * view model, so it loads once and survives rotation, and results only reach a started screen.
 */
public class MainActivity extends AppCompatActivity {

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
            binding.inferenceTime.setText("");
            return;
        }
        int found = result.detections.size();
        binding.results.setText(found == 0
                ? getString(R.string.no_objects)
                : getResources().getQuantityString(R.plurals.objects_found, found, found));
        binding.inferenceTime.setText(getString(R.string.inference_time, result.inferenceTimeMs));
    }
{%- else %}

    private void showResult(@Nullable ImageClassifierHelper.Result result) {
        if (result == null) {
            binding.results.setText(R.string.no_result);
            binding.inferenceTime.setText("");
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
        binding.inferenceTime.setText(getString(R.string.inference_time, result.inferenceTimeMs));
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
