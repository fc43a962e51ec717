{%- set detect = cookiecutter.task == "detect" -%}
{%- set Helper = "ObjectDetectorHelper" if detect else "ImageClassifierHelper" -%}
{%- set run = "detect" if detect else "classify" -%}
package {{ cookiecutter.package_name }}

import android.Manifest
import android.content.pm.PackageManager
import android.graphics.Bitmap
import android.graphics.BitmapFactory
import android.graphics.Matrix
import android.net.Uri
import android.os.Bundle
import android.util.Log
import android.view.View
import androidx.activity.result.PickVisualMediaRequest
import androidx.activity.result.contract.ActivityResultContracts
import androidx.appcompat.app.AppCompatActivity
import androidx.camera.core.CameraSelector
import androidx.camera.core.ImageAnalysis
import androidx.camera.core.ImageProxy
import androidx.camera.core.Preview
import androidx.camera.core.resolutionselector.AspectRatioStrategy
import androidx.camera.core.resolutionselector.ResolutionSelector
import androidx.camera.lifecycle.ProcessCameraProvider
import androidx.core.content.ContextCompat
import androidx.exifinterface.media.ExifInterface
import {{ cookiecutter.package_name }}.databinding.ActivityMainBinding
import {{ cookiecutter.package_name }}.ml.ModelConfig
{%- if not detect %}
import java.util.Locale
{%- endif %}
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * Live camera {{ "detection" if detect else "classification" }} plus a photo picker. This class only draws: the model lives in
 * [{{ Helper }}], which is created, used and closed on [worker] alone.
 */
class MainActivity : AppCompatActivity() {

    private lateinit var binding: ActivityMainBinding

    /** One thread for the interpreter: model loading, camera frames and picked photos. */
    private lateinit var worker: ExecutorService

    /** Only touched on [worker]. */
    private var model: {{ Helper }}? = null

    /** While a picked photo is on screen, camera frames are dropped. */
    @Volatile
    private var showingPhoto = false

    private val requestCameraPermission =
        registerForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
            if (granted) startCamera() else showStatus(getString(R.string.camera_permission_denied))
        }

    private val pickPhoto =
        registerForActivityResult(ActivityResultContracts.PickVisualMedia()) { uri ->
            if (uri != null) analyzePhoto(uri)
        }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        binding = ActivityMainBinding.inflate(layoutInflater)
        setContentView(binding.root)
        worker = Executors.newSingleThreadExecutor()

        binding.pickPhotoButton.setOnClickListener {
            pickPhoto.launch(PickVisualMediaRequest(ActivityResultContracts.PickVisualMedia.ImageOnly))
        }
        binding.cameraButton.setOnClickListener { showLiveCamera() }

        worker.execute {
            try {
                model = {{ Helper }}.create(applicationContext)
                runOnUiThread { onModelReady() }
            } catch (e: Exception) {
                Log.e(TAG, "Model failed to load", e)
                runOnUiThread { showModelError(e) }
            }
        }
    }

    override fun onDestroy() {
        super.onDestroy()
        worker.execute {
            model?.close()
            model = null
        }
        worker.shutdown()
    }

    private fun onModelReady() {
        binding.pickPhotoButton.isEnabled = true
        showStatus("")
        if (hasCameraPermission()) startCamera() else requestCameraPermission.launch(Manifest.permission.CAMERA)
    }

    private fun hasCameraPermission() =
        ContextCompat.checkSelfPermission(this, Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED

    private fun startCamera() {
        val providerFuture = ProcessCameraProvider.getInstance(this)
        providerFuture.addListener({
            try {
                bindCamera(providerFuture.get())
            } catch (e: Exception) {
                Log.e(TAG, "Camera failed to start", e)
                showStatus(getString(R.string.camera_unavailable, e.message ?: e.javaClass.simpleName))
            }
        }, ContextCompat.getMainExecutor(this))
    }

    private fun bindCamera(provider: ProcessCameraProvider) {
        // Preview and analysis share one aspect ratio, so the frames the model sees show what is
        // on screen (and boxes found in a frame land on the same spot of the preview).
        val sameFieldOfView = ResolutionSelector.Builder()
            .setAspectRatioStrategy(AspectRatioStrategy.RATIO_4_3_FALLBACK_AUTO_STRATEGY)
            .build()
        val preview = Preview.Builder().setResolutionSelector(sameFieldOfView).build().also {
            it.setSurfaceProvider(binding.preview.surfaceProvider)
        }
        // RGBA_8888 frames convert to an ARGB_8888 Bitmap without a YUV step; keep-only-latest
        // drops frames while the model is busy instead of queueing them up.
        val analysis = ImageAnalysis.Builder()
            .setResolutionSelector(sameFieldOfView)
            .setBackpressureStrategy(ImageAnalysis.STRATEGY_KEEP_ONLY_LATEST)
            .setOutputImageFormat(ImageAnalysis.OUTPUT_IMAGE_FORMAT_RGBA_8888)
            .build()
        analysis.setAnalyzer(worker, ::analyzeFrame)

        provider.unbindAll()
        provider.bindToLifecycle(this, CameraSelector.DEFAULT_BACK_CAMERA, preview, analysis)
    }

    /** Runs on [worker]. */
    private fun analyzeFrame(image: ImageProxy) {
        image.use {
            val helper = model
            if (showingPhoto || helper == null) return
            try {
                // toBitmap() honours the row stride; the rotation is applied by the preprocessor.
                val result = helper.{{ run }}(it.toBitmap(), it.imageInfo.rotationDegrees)
                runOnUiThread { if (!showingPhoto) showResult(result{% if detect %}, fill = true{% endif %}) }
            } catch (e: Exception) {
                Log.e(TAG, "Frame failed", e)
            }
        }
    }

    private fun analyzePhoto(uri: Uri) {
        showingPhoto = true
        binding.cameraButton.visibility = View.VISIBLE
        worker.execute {
            try {
                val bitmap = decodePhoto(uri)
                val rotation = exifRotation(uri)
                val result = model?.{{ run }}(bitmap, rotation) ?: return@execute
                val upright = rotate(bitmap, rotation)
                runOnUiThread {
                    binding.pickedImage.setImageBitmap(upright)
                    binding.pickedImage.visibility = View.VISIBLE
                    showResult(result{% if detect %}, fill = false{% endif %})
                }
            } catch (e: Exception) {
                Log.e(TAG, "Photo failed", e)
                runOnUiThread { showStatus(getString(R.string.photo_unreadable, e.message ?: e.javaClass.simpleName)) }
            }
        }
    }

    private fun showLiveCamera() {
        showingPhoto = false
        binding.pickedImage.visibility = View.GONE
        binding.pickedImage.setImageDrawable(null)
        binding.cameraButton.visibility = View.GONE
{%- if detect %}
        binding.overlay.show(null, fill = true)
{%- endif %}
        if (hasCameraPermission()) startCamera() else requestCameraPermission.launch(Manifest.permission.CAMERA)
    }

    /**
     * Decodes at most about [MAX_PHOTO_SIDE] pixels on the longer side: a 12 MP photo would
     * cost ~48 MB as ARGB, and the model sees a few hundred pixels anyway.
     */
    private fun decodePhoto(uri: Uri): Bitmap {
        val bounds = BitmapFactory.Options().apply { inJustDecodeBounds = true }
        contentResolver.openInputStream(uri).use { BitmapFactory.decodeStream(it, null, bounds) }
        var sample = 1
        while (maxOf(bounds.outWidth, bounds.outHeight) / (sample * 2) >= MAX_PHOTO_SIDE) sample *= 2
        val options = BitmapFactory.Options().apply {
            inSampleSize = sample
            inPreferredConfig = Bitmap.Config.ARGB_8888
        }
        return contentResolver.openInputStream(uri).use { BitmapFactory.decodeStream(it, null, options) }
            ?: throw IllegalArgumentException("not a decodable image")
    }

    /** Clockwise rotation the photo's EXIF orientation asks for (0 when there is none). */
    private fun exifRotation(uri: Uri): Int =
        contentResolver.openInputStream(uri)?.use { ExifInterface(it).rotationDegrees } ?: 0

    private fun rotate(bitmap: Bitmap, degrees: Int): Bitmap =
        if (degrees == 0) bitmap
        else Bitmap.createBitmap(bitmap, 0, 0, bitmap.width, bitmap.height, Matrix().apply { postRotate(degrees.toFloat()) }, true)

{%- if detect %}

    /** [fill]: the boxes are over the camera preview (FILL_CENTER), false: over a photo (fitCenter). */
    private fun showResult(result: ObjectDetectorHelper.Result, fill: Boolean) {
        binding.overlay.show(result, fill)
        binding.results.text = if (result.detections.isEmpty()) {
            getString(R.string.no_objects)
        } else {
            resources.getQuantityString(R.plurals.objects_found, result.detections.size, result.detections.size)
        }
        binding.inferenceTime.text = getString(R.string.inference_time, result.inferenceTimeMs)
    }
{%- else %}

    private fun showResult(result: ImageClassifierHelper.Result) {
        binding.results.text = result.categories.joinToString("\n") {
            String.format(Locale.ROOT, "%-24s %5.1f%%", it.label(), it.score() * 100)
        }
        binding.inferenceTime.text = getString(R.string.inference_time, result.inferenceTimeMs)
    }
{%- endif %}

    private fun showStatus(message: String) {
        binding.status.text = message
        binding.status.visibility = if (message.isEmpty()) View.GONE else View.VISIBLE
    }

    private fun showModelError(error: Exception) {
        binding.errorPanel.visibility = View.VISIBLE
        binding.resultPanel.visibility = View.GONE
        binding.errorMessage.text = error.message ?: error.javaClass.name
        binding.errorHint.text = getString(R.string.model_error_hint, ModelConfig.MODEL_ASSET, ModelConfig.LABELS_ASSET)
    }

    private companion object {
        const val TAG = "MainActivity"
        const val MAX_PHOTO_SIDE = 1024
    }
}
