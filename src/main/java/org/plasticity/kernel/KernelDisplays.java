package org.plasticity.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.display.LiveDisplay;
import org.plasticity.notebook.MimeBundle;
import org.plasticity.notebook.MimeRenderer;

/**
 * Values to Jupyter display data through the project's one renderer, {@link MimeRenderer}; and the
 * kernel's {@link LiveDisplay} ({@code display_id} updates in place).
 */
final class KernelDisplays {

    private KernelDisplays() {
    }

    /**
     * The display data of {@code value}: {@link MimeRenderer}'s bundle for the types it knows
     * (tables as HTML, charts as PNG/SVG, runs and progress), else the value's text.
     *
     * @param value any value, null included
     * @return the data to publish
     */
    static DisplayData of(Object value) {
        if (value instanceof DisplayData d) {
            return d;
        }
        MimeBundle bundle = MimeRenderer.render(value).orElseGet(() -> MimeBundle.text(MimeRenderer.text(value)));
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        return data;
    }

    /** The live display that publishes through {@code kernel}'s current cell, on the streams' publisher thread. */
    static LiveDisplay live(BaseKernel kernel, CellStreams streams) {
        return new Live(kernel, streams);
    }

    private static final class Live implements LiveDisplay {
        private static final AtomicLong IDS = new AtomicLong();
        private final BaseKernel kernel;
        private final CellStreams streams;

        Live(BaseKernel kernel, CellStreams streams) {
            this.kernel = kernel;
            this.streams = streams;
        }

        @Override
        public Handle show(Object value) {
            String id = "plasticity-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
            DisplayData data = of(value);
            DisplayData first = new DisplayData(data);
            first.setDisplayId(id);
            streams.publish(() -> kernel.display(first));
            return v -> {
                DisplayData next = new DisplayData(of(v)); // rendered on the caller's thread
                streams.publish(() -> kernel.getIO().display.updateDisplay(id, next));
            };
        }

        @Override
        public String toString() {
            return "PlasticityKernel.LiveDisplay";
        }
    }
}
