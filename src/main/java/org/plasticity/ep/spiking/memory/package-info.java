/**
 * Measured training memory of stochastic spiking EP against BPTT through the same dynamics (the paper's §4.4,
 * Table 2): {@link org.plasticity.ep.spiking.memory.Footprint} (the live heap a learner keeps, what a step
 * allocates, its peak), {@link org.plasticity.ep.spiking.memory.MemoryComparison} per architecture and
 * {@link org.plasticity.ep.spiking.memory.MemoryStudy}, the table next to the paper's figures.
 */
package org.plasticity.ep.spiking.memory;
