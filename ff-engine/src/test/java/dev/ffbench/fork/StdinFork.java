package dev.ffbench.fork;

import java.io.IOException;

/**
 * A fork that reads its standard input to the end, as a cell whose code waits for input would, and says
 * how much it got: with the input closed it ends at once; with an open pipe it would wait until the cell
 * times out. Forked by {@link ForkBoundaryTest} in place of the engine.
 */
public final class StdinFork {
    private StdinFork() {}

    public static void main(String[] args) throws IOException {
        byte[] input = System.in.readAllBytes();
        System.out.println("StdinFork: read " + input.length + " bytes, then the end of standard input");
    }
}
