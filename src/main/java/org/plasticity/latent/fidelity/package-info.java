/**
 * Error-signal fidelity of GLE against the exact adjoint on the same network and the same batch (the continuous-time
 * analogue of the LocalCA gradient-fidelity diagnostic): per parameter tensor the cosine and norm ratio of GLE's
 * accumulated local updates against BPTT's gradient, and per layer the cosine and gain of the error signals over time.
 */
package org.plasticity.latent.fidelity;
