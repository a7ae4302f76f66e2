package org.plasticity.localca.model;

import java.util.Arrays;

/**
 * One parameter tensor of a {@link DendriticNetwork}: its name, group, compartment layer (−1 for
 * the decoder), shape and live values.
 *
 * @param name unique name, e.g. {@code d2.exc.theta}
 * @param group component group (learning-rate and fidelity group)
 * @param layer compartment layer it belongs to, −1 for the decoder
 * @param shape logical shape
 * @param value live values (shared with the network)
 */
public record Tensor(String name, ParameterGroup group, int layer, int[] shape, float[] value) {

    /** The number of scalars. */
    public int size() {
        return value.length;
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + ", " + group.id() + "]";
    }
}
