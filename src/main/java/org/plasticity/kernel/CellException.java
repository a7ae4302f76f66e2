package org.plasticity.kernel;

import java.util.List;

/** A cell that threw; its report shows the user's frames (cell lines) first, no kernel frames. */
final class CellException extends CellError {

    private static final long serialVersionUID = 1L;

    CellException(String message, List<String> report) {
        super(message, report);
    }
}
