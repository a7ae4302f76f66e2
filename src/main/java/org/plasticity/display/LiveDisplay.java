package org.plasticity.display;

import java.util.ServiceLoader;

/**
 * A place to show a value once and then update it in place: a notebook output cell (Jupyter
 * {@code display_id} + {@code update_display_data}) or, without a kernel, the console, where each
 * update prints one readable line.
 *
 * <p>Kernel-backed implementations are found through {@link LiveDisplayProvider} services; the
 * core itself never imports a kernel class.
 */
public interface LiveDisplay {

    /**
     * Shows {@code value} and returns a handle that replaces it later.
     *
     * @param value the first rendering
     * @return the handle for updates
     */
    Handle show(Object value);

    /** An output that can be replaced. */
    interface Handle {
        /**
         * Replaces the shown value.
         *
         * @param value the new rendering
         */
        void update(Object value);
    }

    /**
     * The live display for the current process: the first available kernel-backed provider, or
     * the console.
     */
    static LiveDisplay current() {
        for (LiveDisplayProvider p : ServiceLoader.load(LiveDisplayProvider.class, LiveDisplay.class.getClassLoader())) {
            if (p.isAvailable()) {
                return p.display();
            }
        }
        return ConsoleDisplay.INSTANCE;
    }
}
