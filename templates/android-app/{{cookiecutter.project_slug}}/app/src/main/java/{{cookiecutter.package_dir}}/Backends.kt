{%- set gpu = cookiecutter.accelerator != "cpu" -%}
{#- Only the interpreter checks LiteRT's GPU compatibility list: the Task Library's would add an
    unaligned TensorFlow Lite library, and its own GPU failure is caught like any other. -#}
{%- set compatibility_list = cookiecutter.runtime == "interpreter" -%}
package {{ cookiecutter.package_name }}
{% if gpu %}
import android.util.Log
{%- endif %}
import {{ cookiecutter.package_name }}.ml.Acceleration
{%- if gpu and compatibility_list %}
import org.tensorflow.lite.gpu.CompatibilityList
{%- endif %}

/** Something the runtime built, and the backend it really runs on. */
class OnBackend<T>(val value: T, val acceleration: Acceleration)
{%- if gpu %}

/** Builds a runtime on the GPU when asked and possible, and on the CPU otherwise, saying why. */
internal object Backends {
    private const val TAG = "Backends"

    /**
     * Calls [build] with `useGpu = true` when [requested] asks for the GPU and [gpuProblem] finds
     * none; a problem, or a GPU build that throws (the delegate refusing an op or a type), gives
     * way to a CPU build, with the reason in the returned acceleration.
     */
    fun <T> build(requested: Acceleration, gpuProblem: () -> String?, build: (useGpu: Boolean) -> T): OnBackend<T> {
        if (requested.backend() != Acceleration.Backend.GPU) return OnBackend(build(false), requested)
        val reason = try {
            gpuProblem()
        } catch (e: Exception) {
            e.message ?: e.javaClass.simpleName
        } ?: try {
            return OnBackend(build(true), requested)
        } catch (e: Exception) {
            Log.w(TAG, "The GPU could not run the model; running on the CPU", e)
            e.message ?: e.javaClass.simpleName
        }
        return OnBackend(build(false), Acceleration.fellBack(requested, reason))
    }
{%- if compatibility_list %}

    /** Why this device's GPU should not be used (it is not on the GPU delegate's compatibility list), or null. */
    fun compatibilityProblem(): String? = CompatibilityList().use {
        if (it.isDelegateSupportedOnThisDevice) null else "this device's GPU is not on the GPU delegate's compatibility list"
    }
{%- endif %}
}
{%- endif %}
