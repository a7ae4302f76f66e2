package org.plasticity.ep.model;

/**
 * One term of a {@link LayeredNetwork}'s Φ: {@code ⟨s_to, P(W s_from + b)⟩} through a connection, with
 * layers numbered from the clamped input (0) upwards. The network's topology is the list of its
 * couplings ({@link LayeredNetwork#couplings()}): the neighbouring-layer chain of the architecture, then
 * any skip couplings.
 *
 * @param from the lower layer (0 = input)
 * @param to the upper layer
 * @param connection the weights and the kernels of the term
 */
public record Coupling(int from, int to, Connection connection) {

    /** Whether the lower side is the clamped input (the term is then a constant drive per batch). */
    public boolean fromInput() {
        return from == 0;
    }

    @Override
    public String toString() {
        return from + "→" + to + " " + connection.getClass().getSimpleName() + "(" + connection.inSize() + "→"
                + connection.outSize() + ")";
    }
}
