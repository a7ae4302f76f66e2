package org.plasticity.train;

/**
 * Thrown when training produces a non-finite loss or parameter. The message names where it
 * happened and what to change; the last good checkpoint (if any) is left untouched.
 */
public class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what diverged, where, and the fix */
    public DivergenceException(String message) {
        super(message);
    }
}
