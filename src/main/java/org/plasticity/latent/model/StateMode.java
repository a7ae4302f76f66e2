package org.plasticity.latent.model;

/** What happens to the neurons' state between samples (spec §2.5: the authors carry it; our option resets). */
public enum StateMode {
    /** Carried from one batch to the next (row i continues where row i of the last batch stopped): the authors' code. */
    CARRY,
    /** Reset to rest (all zero) at the start of every sample. */
    RESET
}
