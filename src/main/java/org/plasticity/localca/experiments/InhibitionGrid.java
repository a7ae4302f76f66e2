package org.plasticity.localca.experiments;

import java.util.List;
import org.plasticity.localca.rules.Broadcast;
import org.plasticity.results.ReproductionRow;

/**
 * The shunting − additive grid of paper Fig. 2: for every inhibitory synapse count K_I and
 * broadcast mode, the sandbox test accuracy of the shunting core minus that of the additive
 * control (seed-matched), with the recorded summary row (Table 4 "avg matched").
 *
 * @param inhibitory the K_I values (columns)
 * @param modes the broadcast modes (rows)
 * @param delta shunting − additive, [mode][K_I]
 * @param row the recorded mean-over-cells row
 */
public record InhibitionGrid(int[] inhibitory, List<Broadcast> modes, double[][] delta, ReproductionRow row) {

    /** Column labels {@code K_I=n}. */
    public List<String> columnLabels() {
        return java.util.Arrays.stream(inhibitory).mapToObj(n -> "K_I=" + n).toList();
    }

    /** Row labels (broadcast mode ids). */
    public List<String> rowLabels() {
        return modes.stream().map(Broadcast::id).toList();
    }
}
