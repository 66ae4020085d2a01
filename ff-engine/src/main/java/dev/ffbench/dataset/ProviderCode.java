package dev.ffbench.dataset;

import java.util.List;

/**
 * Where a project's provider threw: the line of its own code that errors name, for every check of a
 * project's code (a dataset source's in {@link SourcedReader}, an algorithm's in
 * {@code dev.ffbench.experiment}). It lives here, the lowest package both see.
 */
public final class ProviderCode {
    private ProviderCode() {}

    /**
     * The innermost frame of {@code e} in {@code provider}'s own class (or a class of its package: a helper
     * of it), else the exception's first frame; null when it has none.
     */
    public static StackTraceElement lineOf(Throwable e, Class<?> provider) {
        String type = provider.getName();
        String ownPackage = provider.getPackageName() + ".";
        List<StackTraceElement> frames = List.of(e.getStackTrace());
        return frames.stream().filter(f -> f.getClassName().startsWith(type)).findFirst()
                .or(() -> frames.stream().filter(f -> f.getClassName().startsWith(ownPackage)).findFirst())
                .orElse(frames.isEmpty() ? null : frames.get(0));
    }

    /** "com.example.MyFf.problems(MyFf.java:42)": a frame without the class loader's name that toString() may add. */
    public static String where(StackTraceElement frame) {
        return frame.getClassName() + "." + frame.getMethodName() + "(" + (frame.getFileName() == null ? "unknown source"
                : frame.getFileName() + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "")) + ")";
    }
}
