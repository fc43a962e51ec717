{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set run = "detect" if detect else "classify" -%}
package {{ cookiecutter.package_name }};

import android.Manifest;
import android.content.pm.PackageManager;
import android.graphics.Bitmap;
import android.graphics.BitmapFactory;
import android.graphics.Matrix;
import android.net.Uri;
import android.os.Bundle;
import android.util.Log;
import android.view.View;

import androidx.activity.result.ActivityResultLauncher;
import androidx.activity.result.PickVisualMediaRequest;
import androidx.activity.result.contract.ActivityResultContracts;
import androidx.appcompat.app.AppCompatActivity;
import androidx.camera.core.CameraSelector;
import androidx.camera.core.ImageAnalysis;
import androidx.camera.core.ImageProxy;
import androidx.camera.core.Preview;
import androidx.camera.core.resolutionselector.AspectRatioStrategy;
import androidx.camera.core.resolutionselector.ResolutionSelector;
import androidx.camera.lifecycle.ProcessCameraProvider;
import androidx.core.content.ContextCompat;
import androidx.exifinterface.media.ExifInterface;

import com.google.common.util.concurrent.ListenableFuture;

import {{ cookiecutter.package_name }}.databinding.ActivityMainBinding;
{%- if not detect %}
import {{ cookiecutter.package_name }}.ml.Category;
{%- endif %}
import {{ cookiecutter.package_name }}.ml.ModelConfig;

import java.io.IOException;
import java.io.InputStream;
{%- if not detect %}
import java.util.Locale;
{%- endif %}
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Live camera {{ "detection" if detect else "classification" }} plus a photo picker. This class only draws: the model lives in
 * {@link {{ Helper }}}, which is created, used and closed on {@link #worker} alone.
 */
public class MainActivity extends AppCompatActivity {

    private static final String TAG = "MainActivity";

    /** A 12 MP photo would cost ~48 MB as ARGB; the model sees a few hundred pixels anyway. */
    private static final int MAX_PHOTO_SIDE = 1024;

    private ActivityMainBinding binding;

    /** One thread for the interpreter: model loading, camera frames and picked photos. */
    private ExecutorService worker;

    /** Only touched on {@link #worker}. */
    private {{ Helper }} model;

    /** While a picked photo is on screen, camera frames are dropped. */
    private volatile boolean showingPhoto;

    private final ActivityResultLauncher<String> requestCameraPermission =
            registerForActivityResult(new ActivityResultContracts.RequestPermission(), granted -> {
                if (granted) {
                    startCamera();
                } else {
                    showStatus(getString(R.string.camera_permission_denied));
                }
            });

    private final ActivityResultLauncher<PickVisualMediaRequest> pickPhoto =
            registerForActivityResult(new ActivityResultContracts.PickVisualMedia(), uri -> {
                if (uri != null) {
                    analyzePhoto(uri);
                }
            });

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        binding = ActivityMainBinding.inflate(getLayoutInflater());
        setContentView(binding.getRoot());
        worker = Executors.newSingleThreadExecutor();

        binding.pickPhotoButton.setOnClickListener(v -> pickPhoto.launch(new PickVisualMediaRequest.Builder()
                .setMediaType(ActivityResultContracts.PickVisualMedia.ImageOnly.INSTANCE)
                .build()));
        binding.cameraButton.setOnClickListener(v -> showLiveCamera());

        worker.execute(() -> {
            try {
                model = {{ Helper }}.create(getApplicationContext());
                runOnUiThread(this::onModelReady);
            } catch (Exception e) {
                Log.e(TAG, "Model failed to load", e);
                runOnUiThread(() -> showModelError(e));
            }
        });
    }

    @Override
    protected void onDestroy() {
        super.onDestroy();
        worker.execute(() -> {
            if (model != null) {
                model.close();
                model = null;
            }
        });
        worker.shutdown();
    }

    private void onModelReady() {
        binding.pickPhotoButton.setEnabled(true);
        showStatus("");
        if (hasCameraPermission()) {
            startCamera();
        } else {
            requestCameraPermission.launch(Manifest.permission.CAMERA);
        }
    }

    private boolean hasCameraPermission() {
        return ContextCompat.checkSelfPermission(this, Manifest.permission.CAMERA)
                == PackageManager.PERMISSION_GRANTED;
    }

    private void startCamera() {
        ListenableFuture<ProcessCameraProvider> providerFuture = ProcessCameraProvider.getInstance(this);
        providerFuture.addListener(() -> {
            try {
                bindCamera(providerFuture.get());
            } catch (Exception e) {
                Log.e(TAG, "Camera failed to start", e);
                String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                showStatus(getString(R.string.camera_unavailable, reason));
            }
        }, ContextCompat.getMainExecutor(this));
    }

    private void bindCamera(ProcessCameraProvider provider) {
        // Preview and analysis share one aspect ratio, so the frames the model sees show what is
        // on screen (and boxes found in a frame land on the same spot of the preview).
        ResolutionSelector sameFieldOfView = new ResolutionSelector.Builder()
                .setAspectRatioStrategy(AspectRatioStrategy.RATIO_4_3_FALLBACK_AUTO_STRATEGY)
                .build();
        Preview preview = new Preview.Builder().setResolutionSelector(sameFieldOfView).build();
        preview.setSurfaceProvider(binding.preview.getSurfaceProvider());
        // RGBA_8888 frames convert to an ARGB_8888 Bitmap without a YUV step; keep-only-latest
        // drops frames while the model is busy instead of queueing them up.
        ImageAnalysis analysis = new ImageAnalysis.Builder()
                .setResolutionSelector(sameFieldOfView)
                .setBackpressureStrategy(ImageAnalysis.STRATEGY_KEEP_ONLY_LATEST)
                .setOutputImageFormat(ImageAnalysis.OUTPUT_IMAGE_FORMAT_RGBA_8888)
                .build();
        analysis.setAnalyzer(worker, this::analyzeFrame);

        provider.unbindAll();
        provider.bindToLifecycle(this, CameraSelector.DEFAULT_BACK_CAMERA, preview, analysis);
    }

    /** Runs on {@link #worker}. */
    private void analyzeFrame(ImageProxy image) {
        try (ImageProxy frame = image) {
            {{ Helper }} helper = model;
            if (showingPhoto || helper == null) {
                return;
            }
            // toBitmap() honours the row stride; the rotation is applied by the preprocessor.
            {{ Helper }}.Result result =
                    helper.{{ run }}(frame.toBitmap(), frame.getImageInfo().getRotationDegrees());
            runOnUiThread(() -> {
                if (!showingPhoto) {
                    showResult(result{% if detect %}, true{% endif %});
                }
            });
        } catch (RuntimeException e) {
            Log.e(TAG, "Frame failed", e);
        }
    }

    private void analyzePhoto(Uri uri) {
        showingPhoto = true;
        binding.cameraButton.setVisibility(View.VISIBLE);
        worker.execute(() -> {
            try {
                Bitmap bitmap = decodePhoto(uri);
                int rotation = exifRotation(uri);
                if (model == null) {
                    return;
                }
                {{ Helper }}.Result result = model.{{ run }}(bitmap, rotation);
                Bitmap upright = rotate(bitmap, rotation);
                runOnUiThread(() -> {
                    binding.pickedImage.setImageBitmap(upright);
                    binding.pickedImage.setVisibility(View.VISIBLE);
                    showResult(result{% if detect %}, false{% endif %});
                });
            } catch (IOException | RuntimeException e) {
                Log.e(TAG, "Photo failed", e);
                String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                runOnUiThread(() -> showStatus(getString(R.string.photo_unreadable, reason)));
            }
        });
    }

    private void showLiveCamera() {
        showingPhoto = false;
        binding.pickedImage.setVisibility(View.GONE);
        binding.pickedImage.setImageDrawable(null);
        binding.cameraButton.setVisibility(View.GONE);
{%- if detect %}
        binding.overlay.show(null, true);
{%- endif %}
        if (hasCameraPermission()) {
            startCamera();
        } else {
            requestCameraPermission.launch(Manifest.permission.CAMERA);
        }
    }

    /** Decodes at most about {@link #MAX_PHOTO_SIDE} pixels on the longer side. */
    private Bitmap decodePhoto(Uri uri) throws IOException {
        BitmapFactory.Options bounds = new BitmapFactory.Options();
        bounds.inJustDecodeBounds = true;
        try (InputStream in = getContentResolver().openInputStream(uri)) {
            BitmapFactory.decodeStream(in, null, bounds);
        }
        int sample = 1;
        while (Math.max(bounds.outWidth, bounds.outHeight) / (sample * 2) >= MAX_PHOTO_SIDE) {
            sample *= 2;
        }
        BitmapFactory.Options options = new BitmapFactory.Options();
        options.inSampleSize = sample;
        options.inPreferredConfig = Bitmap.Config.ARGB_8888;
        Bitmap bitmap;
        try (InputStream in = getContentResolver().openInputStream(uri)) {
            bitmap = BitmapFactory.decodeStream(in, null, options);
        }
        if (bitmap == null) {
            throw new IOException("not a decodable image");
        }
        return bitmap;
    }

    /** Clockwise rotation the photo's EXIF orientation asks for (0 when there is none). */
    private int exifRotation(Uri uri) throws IOException {
        try (InputStream in = getContentResolver().openInputStream(uri)) {
            return in == null ? 0 : new ExifInterface(in).getRotationDegrees();
        }
    }

    private static Bitmap rotate(Bitmap bitmap, int degrees) {
        if (degrees == 0) {
            return bitmap;
        }
        Matrix matrix = new Matrix();
        matrix.postRotate(degrees);
        return Bitmap.createBitmap(bitmap, 0, 0, bitmap.getWidth(), bitmap.getHeight(), matrix, true);
    }

{%- if detect %}
    /** {@code fill}: the boxes are over the camera preview (FILL_CENTER), false: over a photo (fitCenter). */
    private void showResult(ObjectDetectorHelper.Result result, boolean fill) {
        binding.overlay.show(result, fill);
        int found = result.detections.size();
        binding.results.setText(found == 0
                ? getString(R.string.no_objects)
                : getResources().getQuantityString(R.plurals.objects_found, found, found));
        binding.inferenceTime.setText(getString(R.string.inference_time, result.inferenceTimeMs));
    }
{%- else %}

    private void showResult(ImageClassifierHelper.Result result) {
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

    private void showModelError(Exception error) {
        binding.errorPanel.setVisibility(View.VISIBLE);
        binding.resultPanel.setVisibility(View.GONE);
        binding.errorMessage.setText(error.getMessage() != null ? error.getMessage() : error.getClass().getName());
        binding.errorHint.setText(getString(R.string.model_error_hint, ModelConfig.MODEL_ASSET, ModelConfig.LABELS_ASSET));
    }
}
