/**
 * Backpropagation through time over the same dynamics as EP, for any {@code DifferentiableModel}: the
 * {@link org.plasticity.ep.bptt.Bptt} learner (the papers' BPTT baseline) and the
 * {@link org.plasticity.ep.bptt.BpttEngine} that records a window of free steps and walks back through it.
 */
package org.plasticity.ep.bptt;
