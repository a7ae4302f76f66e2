package org.plasticity.notebook;

import org.dflib.jjava.jupyter.kernel.BaseNotebookStatics;
import org.plasticity.display.LiveDisplay;
import org.plasticity.display.LiveDisplayProvider;

/**
 * Live displays inside a JJava kernel: {@code display(obj)} once, then {@code updateDisplay(id,
 * obj)} on the same id (rendering through the renderers {@link JJavaExtension} registered).
 */
public final class JJavaLiveDisplayProvider implements LiveDisplayProvider {

    @Override
    public boolean isAvailable() {
        return KernelDetection.isJJavaKernel();
    }

    @Override
    public LiveDisplay display() {
        return JJavaLiveDisplay.INSTANCE;
    }

    @Override
    public String toString() {
        return "JJavaLiveDisplayProvider[available=" + isAvailable() + "]";
    }

    private static final class JJavaLiveDisplay implements LiveDisplay {
        static final JJavaLiveDisplay INSTANCE = new JJavaLiveDisplay();

        @Override
        public Handle show(Object value) {
            String id = BaseNotebookStatics.display(value);
            return v -> BaseNotebookStatics.updateDisplay(id, v);
        }

        @Override
        public String toString() {
            return "JJavaLiveDisplay";
        }
    }
}
