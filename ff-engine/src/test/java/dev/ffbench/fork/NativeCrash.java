package dev.ffbench.fork;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * A main class that crashes its JVM natively, every time: it writes to address 0 with
 * {@link Unsafe}, a SIGSEGV the JVM cannot recover from (it prints its fatal-error block and writes
 * a crash report). Forked by {@link ForkedCellRunnerTest} in place of the engine.
 */
public final class NativeCrash {
    private NativeCrash() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        Field field = Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Unsafe unsafe = (Unsafe) field.get(null);
        System.out.println("NativeCrash: writing to address 0");
        System.out.flush();
        unsafe.putAddress(0, 42);
        System.out.println("NativeCrash: still alive");
    }
}
