package org.plasticity.kernel;

import java.util.List;

/** A cell stopped by the notebook's interrupt button ({@code interrupt_request} or SIGINT). */
final class Interrupted extends CellError {

    private static final long serialVersionUID = 1L;

    Interrupted(String message) {
        super(message, List.of("Interrupted: " + message));
    }
}
