package org.plasticity.display;

/**
 * Service interface ({@code META-INF/services/org.plasticity.display.LiveDisplayProvider}) for
 * kernel-backed live displays. An implementation reports itself unavailable when its kernel is
 * not running in this JVM.
 */
public interface LiveDisplayProvider {

    /** Whether this provider's kernel is present and serving a cell right now. */
    boolean isAvailable();

    /** The display; only called when {@link #isAvailable()} is true. */
    LiveDisplay display();
}
