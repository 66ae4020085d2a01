package dev.ffbench.fork;

/**
 * A fork that prints one line of 20,000,000 characters and exits with code 1, as a model dumping an array
 * might: the harness must keep a short start of it, in the log tail and in the failure reason. Forked by
 * {@link ForkBoundaryTest} in place of the engine.
 */
public final class HugeLineFork {
    static final int LENGTH = 20_000_000;

    private HugeLineFork() {}

    public static void main(String[] args) {
        System.out.println("HugeLineFork: before");
        System.out.println("x".repeat(LENGTH));
        System.out.flush();
        System.exit(1);
    }
}
