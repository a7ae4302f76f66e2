package org.plasticity.kernel;

import org.plasticity.display.LiveDisplay;
import org.plasticity.display.LiveDisplayProvider;

/**
 * {@link LiveDisplay#current()} inside the Plasticity kernel: {@code show} publishes
 * {@code display_data} with a fresh {@code display_id}, each update {@code update_display_data} for
 * it, rendered by {@link org.plasticity.notebook.MimeRenderer}. Registered in
 * {@code META-INF/services/org.plasticity.display.LiveDisplayProvider}; unavailable (and free of
 * kernel-library types) in any other JVM.
 */
public final class KernelLiveDisplayProvider implements LiveDisplayProvider {

    @Override
    public boolean isAvailable() {
        return KernelSession.display().isPresent();
    }

    @Override
    public LiveDisplay display() {
        return KernelSession.display().orElseThrow(() -> new IllegalStateException("the Plasticity kernel is not running"));
    }

    @Override
    public String toString() {
        return "KernelLiveDisplayProvider[available=" + isAvailable() + "]";
    }
}
