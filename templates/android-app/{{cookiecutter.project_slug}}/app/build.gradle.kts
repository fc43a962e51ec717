{%- if cookiecutter.language == "kotlin" -%}
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

// AGP 9 compiles Kotlin itself (built-in Kotlin): no org.jetbrains.kotlin.android plugin needed.
{% endif -%}
plugins {
    alias(libs.plugins.android.application)
}

android {
    namespace = "{{ cookiecutter.package_name }}"
    compileSdk = 36

    defaultConfig {
        applicationId = "{{ cookiecutter.package_name }}"
        minSdk = 24
        targetSdk = 36
        versionCode = 1
        versionName = "1.0"
        // app/src/androidTest: the golden images run through the app's runtime on a phone.
        testInstrumentationRunner = "androidx.test.runner.AndroidJUnitRunner"
{%- if cookiecutter.select_tf_ops %}

        // The Flex runtime adds ~8 MB per ABI: ship phone ABIs only. Add "x86_64" to run on an emulator.
        ndk {
            abiFilters += listOf("arm64-v8a", "armeabi-v7a")
        }
{%- endif %}
    }

    buildTypes {
        release {
            isMinifyEnabled = false
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures {
        viewBinding = true
    }

    // A compressed asset cannot be memory-mapped: {{ {"interpreter": "the interpreter", "compiled-model": "LiteRT", "task-library": "the Task Library", "mediapipe": "MediaPipe"}[cookiecutter.runtime] }} needs the .tflite stored as-is.
    androidResources {
        noCompress += "tflite"
    }

    sourceSets {
        // The on-device golden test reads the same golden data as the JVM tests.
        getByName("androidTest") {
            assets.srcDir("src/test/resources")
        }
    }
}
{%- if cookiecutter.language == "kotlin" %}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
}
{%- endif %}

dependencies {
    implementation(libs.androidx.core)
    implementation(libs.androidx.activity)
    implementation(libs.androidx.lifecycle.viewmodel)
{%- if cookiecutter.language == "kotlin" %}
    implementation(libs.androidx.lifecycle.runtime)
    implementation(libs.kotlinx.coroutines.android)
{%- else %}
    implementation(libs.androidx.lifecycle.livedata)
{%- endif %}
    implementation(libs.androidx.appcompat)
    implementation(libs.androidx.constraintlayout)
    implementation(libs.androidx.exifinterface)
    implementation(libs.material)
    implementation(libs.androidx.camera.core)
    implementation(libs.androidx.camera.camera2)
    implementation(libs.androidx.camera.lifecycle)
    implementation(libs.androidx.camera.view)
{%- if cookiecutter.runtime in ("interpreter", "compiled-model") %}
    implementation(libs.litert)
{%- if cookiecutter.accelerator != "cpu" %}
    // The GPU {{ "delegate" if cookiecutter.runtime == "interpreter" else "accelerator" }}; the app falls back to the CPU where it cannot run.
    implementation(libs.litert.gpu)
{%- endif %}
{%- elif cookiecutter.runtime == "task-library" %}
    // Brings org.tensorflow:tensorflow-lite: no com.google.ai.edge.litert artifact may join it.
    implementation(libs.tensorflow.lite.task.vision)
{%- if cookiecutter.accelerator != "cpu" %}
    // The GPU delegate BaseOptions.useGpu() loads; the app falls back to the CPU where it fails.
    implementation(libs.tensorflow.lite.gpu.delegate.plugin)
{%- endif %}
{%- else %}
    implementation(libs.mediapipe.tasks.vision)
{%- endif %}
{%- if cookiecutter.select_tf_ops %}
    // The model uses TensorFlow ops that have no LiteRT kernel (converted with --select-tf-ops).
    // The Interpreter finds this Flex delegate on the classpath and applies it by itself; it only
    // brings the delegate, the LiteRT runtime above stays the one in use. See README.md.
    implementation(libs.tensorflow.lite.select.tf.ops) {
        exclude(group = "org.tensorflow", module = "tensorflow-lite")
        exclude(group = "org.tensorflow", module = "tensorflow-lite-api")
    }
{%- endif %}

    // The golden tests are plain JUnit 4 on the JVM: `./gradlew test`.
    testImplementation(libs.junit)
    // The same golden images through the app's runtime, on a phone: `./gradlew connectedAndroidTest`.
    androidTestImplementation(libs.androidx.test.ext.junit)
    androidTestImplementation(libs.androidx.test.runner)
}
