package org.plasticity.notebook;

import org.plasticity.display.LiveDisplay;
import org.plasticity.display.LiveDisplayProvider;
import org.rapaio.jupyter.kernel.global.Global;

/**
 * Live displays inside rapaio-jupyter-kernel: {@code show} publishes {@code display_data} with a
 * fresh {@code display_id}; each {@code update} publishes {@code update_display_data} for that id,
 * so the same output area changes in place. Rendering goes through the kernel's display system,
 * i.e. through {@link RapaioDisplayProvider}.
 */
public final class RapaioLiveDisplayProvider implements LiveDisplayProvider {

    @Override
    public boolean isAvailable() {
        return KernelDetection.isRapaioKernel();
    }

    @Override
    public LiveDisplay display() {
        return RapaioLiveDisplay.INSTANCE;
    }

    @Override
    public String toString() {
        return "RapaioLiveDisplayProvider[available=" + isAvailable() + "]";
    }

    /** The display; its class only touches kernel types when used. */
    private static final class RapaioLiveDisplay implements LiveDisplay {
        static final RapaioLiveDisplay INSTANCE = new RapaioLiveDisplay();

        @Override
        public Handle show(Object value) {
            String id = Global.display(value);
            return v -> Global.updateDisplay(id, v);
        }

        @Override
        public String toString() {
            return "RapaioLiveDisplay";
        }
    }
}
