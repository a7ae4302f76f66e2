package org.plasticity.kernel;

import java.util.Optional;
import org.plasticity.display.LiveDisplay;

/**
 * Whether our kernel runs in this JVM, and its live display. Free of kernel-library types, so
 * {@link KernelLiveDisplayProvider} can ask it in any JVM (tests, JShell, other kernels) without
 * loading the base kernel.
 */
public final class KernelSession {

    private static volatile LiveDisplay display;

    private KernelSession() {
    }

    /** The running kernel's live display, or empty when this JVM is not our kernel. */
    public static Optional<LiveDisplay> display() {
        return Optional.ofNullable(display);
    }

    /** Called once by the kernel when it is ready to display. */
    static void install(LiveDisplay d) {
        display = d;
    }
}
