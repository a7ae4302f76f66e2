package org.plasticity.display;

import java.io.PrintStream;

/**
 * The kernel-free live display: every show or update prints the value's text form as one line
 * (no carriage-return bars, so logs and notebooks stay readable).
 */
public final class ConsoleDisplay implements LiveDisplay {

    /** Prints to {@code System.out}. */
    public static final ConsoleDisplay INSTANCE = new ConsoleDisplay(System.out);

    private final PrintStream out;

    /** @param out where lines go */
    public ConsoleDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public Handle show(Object value) {
        print(value);
        return this::print;
    }

    private void print(Object value) {
        out.println(value instanceof Displayable d ? d.toText() : String.valueOf(value));
        out.flush();
    }

    @Override
    public String toString() {
        return "ConsoleDisplay";
    }
}
