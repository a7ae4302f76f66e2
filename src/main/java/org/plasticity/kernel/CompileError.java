package org.plasticity.kernel;

import java.util.List;

/** A cell that does not compile; its report points at the cell's line and column. */
final class CompileError extends CellError {

    private static final long serialVersionUID = 1L;

    CompileError(String message, List<String> report) {
        super(message, report);
    }
}
