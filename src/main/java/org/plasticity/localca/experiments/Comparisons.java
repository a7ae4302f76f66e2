package org.plasticity.localca.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.plasticity.localca.model.Core;
import org.plasticity.localca.rules.Broadcast;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.Stats;
import org.plasticity.results.SweepResult;

/**
 * The paper's difference claims. Each runs (or resumes) the catalogued experiments it compares,
 * records their rows, and records one {@code test_accuracy_delta} row of its own, so the same
 * claim comes out of the notebook and of {@code LocalCaReproduce <id>}.
 */
public final class Comparisons {

    /** Fig. 2 / Table 4: shunting − additive over the K_I × broadcast grid (paper +0.210 on MNIST). */
    public static final String SHUNTING_MINUS_ADDITIVE = "mnist-sandbox-shunting-minus-additive";
    /** Table 4: path propagation on − off, per-soma (paper −0.0030). */
    public static final String PATH_MINUS_NO_PATH = "mnist-sandbox-path-minus-no-path";

    /** The K_I values of the Fig. 2 grid. */
    public static final int[] INHIBITORY = {0, 5, 10, 20, 40};
    /** The broadcast modes of the Fig. 2 grid. */
    public static final List<Broadcast> GRID_MODES = List.of(Broadcast.PER_SOMA, Broadcast.SCALAR);

    private Comparisons() {
    }

    /**
     * Runs the Fig. 2 grid (both cores per cell) over the profile's first {@code seeds} seeds and
     * records every cell and the mean shunting − additive difference.
     *
     * @param seeds seeds per cell (≥ 1)
     * @return the grid of differences with its recorded row
     */
    public static InhibitionGrid inhibitionGrid(int seeds) {
        double[][] delta = new double[GRID_MODES.size()][INHIBITORY.length];
        double[] flat = new double[delta.length * INHIBITORY.length];
        double cost = 0;
        int epochs = 0;
        for (int i = 0; i < GRID_MODES.size(); i++) {
            for (int k = 0; k < INHIBITORY.length; k++) {
                SweepResult shunt = Experiments.inhibitionCell(INHIBITORY[k], GRID_MODES.get(i), Core.SHUNTING)
                        .runAndRecord(seeds);
                SweepResult add = Experiments.inhibitionCell(INHIBITORY[k], GRID_MODES.get(i), Core.ADDITIVE)
                        .runAndRecord(seeds);
                delta[i][k] = Stats.mean(Deltas.differences(shunt, add));
                flat[i * INHIBITORY.length + k] = delta[i][k];
                cost += shunt.wallSeconds() + add.wallSeconds();
                epochs = shunt.epochs();
            }
        }
        ReproductionRow row = Deltas.record(SHUNTING_MINUS_ADDITIVE, "mnist", flat, epochs, cost, 0.210, 0.05,
                Profile.current(), "mean of shunting − additive over the K_I × broadcast grid (Table 4 'avg matched'), "
                        + seeds + " seed(s) per cell; n_seeds counts cells");
        return new InhibitionGrid(INHIBITORY.clone(), GRID_MODES, delta, row);
    }

    /**
     * Runs path propagation off and on (sandbox, per-soma 5F) and records the seed-matched difference.
     *
     * @param seeds seeds (≥ 1)
     * @return the recorded row
     */
    public static ReproductionRow pathEffect(int seeds) {
        SweepResult noPath = Experiments.pathPropagation(false).runAndRecord(seeds);
        SweepResult withPath = Experiments.pathPropagation(true).runAndRecord(seeds);
        return Deltas.record(PATH_MINUS_NO_PATH, "mnist", Deltas.differences(withPath, noPath), withPath.epochs(),
                withPath.wallSeconds() + noPath.wallSeconds(), -0.0030, 0.01, Profile.current(),
                "per-soma 5F sandbox, Table 4 claim 4");
    }

    /** Every comparison by id: seeds per experiment → the recorded row. */
    public static Map<String, IntFunction<ReproductionRow>> all() {
        Map<String, IntFunction<ReproductionRow>> m = new LinkedHashMap<>();
        m.put(SHUNTING_MINUS_ADDITIVE, n -> inhibitionGrid(n).row());
        m.put(PATH_MINUS_NO_PATH, Comparisons::pathEffect);
        return m;
    }
}
