package org.plasticity.ep.model;

import java.util.List;

/**
 * The dynamical variables of an {@link EnergyModel} for one batch during one phase. Each model family owns
 * its state type: {@link NeuronState} holds rates and potentials (the layered networks), a spiking model
 * holds spikes and membrane potentials, a dendritic model holds branch states as well. The engine never
 * looks inside a state; it copies, resets and relaxes states through the model that made them.
 *
 * <p>What the diagnostics need from a state is {@link #views()}: its observable variables as named
 * float arrays, read by {@code FreePhaseTrace} (histograms, heat maps), by {@code GduCheck} (neuron
 * increments against backprop-through-time's sensitivities) and by the plots.
 */
public interface EpState {

    /** Samples in use (the bound batch's rows). */
    int rows();

    /**
     * The observable variables, in a stable order: for every group of units (a layer, a branch block,
     * ...) its name, units per sample and live row-major buffer. The buffers are the state's own (not
     * copies) and only their first {@code rows() · size} values are in use.
     */
    List<StateView> views();
}
