package android.content.res;

public class Resources {
    private Resources() {
        throw new RuntimeException("stub");
    }

    public String getResourceName(int resid) throws NotFoundException {
        throw new RuntimeException("stub");
    }

    public static class NotFoundException extends RuntimeException {
        public NotFoundException() {
            throw new RuntimeException("stub");
        }

        public NotFoundException(String name) {
            throw new RuntimeException("stub");
        }
    }
}
