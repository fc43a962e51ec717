package android.provider;

/** Only the action the app uses; the nested System/Secure/Global tables are omitted. */
public final class Settings {
    public static final String ACTION_APPLICATION_DETAILS_SETTINGS = "android.settings.APPLICATION_DETAILS_SETTINGS";

    public Settings() {
        throw new RuntimeException("stub");
    }
}
