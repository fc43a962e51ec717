{%- set gpu = cookiecutter.accelerator != "cpu" -%}
{#- Only the interpreter checks LiteRT's GPU compatibility list: the Task Library's would add an
    unaligned TensorFlow Lite library, and its own GPU failure is caught like any other. -#}
{%- set compatibility_list = cookiecutter.runtime == "interpreter" -%}
{#- MediaPipe reads the model asset itself, and throws no IOException. -#}
{%- set throws = "" if cookiecutter.runtime == "mediapipe" else " throws IOException" -%}
package {{ cookiecutter.package_name }};
{% if gpu %}
import android.util.Log;

import androidx.annotation.Nullable;
{% endif %}
import {{ cookiecutter.package_name }}.ml.Acceleration;
{%- if gpu %}

{%- if throws %}
import java.io.IOException;
{%- endif %}
import java.util.function.Supplier;
{%- if compatibility_list %}

import org.tensorflow.lite.gpu.CompatibilityList;
{%- endif %}
{%- endif %}

/** {% if gpu %}Builds a runtime on the GPU when asked and possible, and on the CPU otherwise, saying why.{% else %}The backend a runtime runs on.{% endif %} */
final class Backends {
{%- if gpu %}

    private static final String TAG = "Backends";
{%- endif %}

    /** Something the runtime built, and the backend it really runs on. */
    static final class OnBackend<T> {
        final T value;
        final Acceleration acceleration;

        OnBackend(T value, Acceleration acceleration) {
            this.value = value;
            this.acceleration = acceleration;
        }
    }
{%- if gpu %}

    /** Builds a runtime object on the CPU ({@code useGpu} false) or the GPU. */
    interface Builder<T> {
        T build(boolean useGpu){{ throws }};
    }
{%- endif %}

    private Backends() {}
{%- if gpu %}

    /**
     * Calls {@code builder} with {@code useGpu = true} when {@code requested} asks for the GPU and
     * {@code gpuProblem} finds none; a problem, or a GPU build that throws (the delegate refusing
     * an op or a type), gives way to a CPU build, with the reason in the returned acceleration.
     */
    static <T> OnBackend<T> build(Acceleration requested, Supplier<String> gpuProblem, Builder<T> builder){{ throws }} {
        if (requested.backend() != Acceleration.Backend.GPU) {
            return new OnBackend<>(builder.build(false), requested);
        }
        String reason;
        try {
            reason = gpuProblem.get();
        } catch (RuntimeException e) {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        if (reason == null) {
            try {
                return new OnBackend<>(builder.build(true), requested);
            } catch (RuntimeException e) {
                Log.w(TAG, "The GPU could not run the model; running on the CPU", e);
                reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            }
        }
        return new OnBackend<>(builder.build(false), Acceleration.fellBack(requested, reason));
    }
{%- if compatibility_list %}

    /** Why this device's GPU should not be used (it is not on the GPU delegate's compatibility list), or null. */
    @Nullable
    static String compatibilityProblem() {
        try (CompatibilityList compatibility = new CompatibilityList()) {
            return compatibility.isDelegateSupportedOnThisDevice()
                    ? null
                    : "this device's GPU is not on the GPU delegate's compatibility list";
        }
    }
{%- endif %}
{%- endif %}
}
