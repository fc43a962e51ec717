package androidx.test.ext.junit.runners;

import org.junit.runner.Description;
import org.junit.runner.Runner;
import org.junit.runner.manipulation.Filter;
import org.junit.runner.manipulation.Filterable;
import org.junit.runner.manipulation.NoTestsRemainException;
import org.junit.runner.manipulation.Sortable;
import org.junit.runner.manipulation.Sorter;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.model.InitializationError;

/**
 * androidx.test.ext:junit 1.3.0: a final JUnit 4 Runner that delegates to the platform runner.
 * Needs JUnit 4 on the classpath (Debian's junit4.jar).
 */
public final class AndroidJUnit4 extends Runner implements Filterable, Sortable {
    public AndroidJUnit4(Class<?> klass) throws InitializationError {
        throw new RuntimeException("stub");
    }

    @Override
    public Description getDescription() {
        throw new RuntimeException("stub");
    }

    @Override
    public void run(RunNotifier runNotifier) {
        throw new RuntimeException("stub");
    }

    @Override
    public void filter(Filter filter) throws NoTestsRemainException {
        throw new RuntimeException("stub");
    }

    @Override
    public void sort(Sorter sorter) {
        throw new RuntimeException("stub");
    }
}
