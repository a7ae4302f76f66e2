package org.plasticity.kernel;

import java.util.List;

/**
 * A cell that failed, already explained for a reader: the kernel publishes {@link #report()} as
 * the traceback, and the class's simple name as the error name.
 */
abstract class CellError extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> report;

    CellError(String message, List<String> report) {
        super(message, null, false, false);
        this.report = List.copyOf(report);
    }

    /** The lines shown under the cell. */
    List<String> report() {
        return report;
    }
}
