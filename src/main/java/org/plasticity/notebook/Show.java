package org.plasticity.notebook;

import org.plasticity.display.ConsoleDisplay;
import org.plasticity.display.LiveDisplay;

/**
 * {@code show(x)} for notebook cells that must also run in plain JShell: inside a kernel it
 * displays {@code x} inline (HTML tables, PNG charts, run summaries); elsewhere it prints
 * {@code x}'s text form (a table as fixed-width text, a chart as one line saying how to save it).
 * Imported statically by the default imports.
 */
public final class Show {

    private Show() {
    }

    /**
     * Shows a value inline in a kernel, or prints its text form.
     *
     * @param value anything; the project's result types, Tablesaw tables and XChart charts get
     *     rich renderings
     */
    public static void show(Object value) {
        LiveDisplay display = LiveDisplay.current();
        if (display instanceof ConsoleDisplay) {
            System.out.println(MimeRenderer.text(value));
            System.out.flush();
        } else {
            display.show(value);
        }
    }
}
