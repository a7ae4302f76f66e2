package org.plasticity.localca.experiments;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.model.Core;
import org.plasticity.localca.rules.Broadcast;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.Stats;

/**
 * The paper's difference claims, catalogued as derived recipes: each runs (or reads back) the
 * recipes it compares and gives one seed-matched {@code test_accuracy_delta} row, so the same claim
 * comes out of the notebook and of {@code plasticity run <id>}.
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

    /** The two derived recipes. */
    static List<Recipe> recipes() {
        return List.of(
                Recipe.builder(SHUNTING_MINUS_ADDITIVE).paper(LocalCa.PAPER).dataset("mnist")
                        .notes("mean of shunting − additive over the K_I × broadcast grid (Table 4 'avg matched'); "
                                + "n_seeds counts cells")
                        .claim(new Claim("test_accuracy_delta", "reported", 0.210, Double.NaN, 0.05))
                        .derived(e -> List.of(grid(e).row())).defaultSeedCount(1).build(),
                Recipe.builder(PATH_MINUS_NO_PATH).paper(LocalCa.PAPER).dataset("mnist")
                        .notes("per-soma 5F sandbox, Table 4 claim 4")
                        .claim(new Claim("test_accuracy_delta", "reported", -0.0030, Double.NaN, 0.01))
                        .derived(e -> List.of(path(e))).defaultSeedCount(1).build());
    }

    /**
     * Runs the Fig. 2 grid (both cores per cell) over the profile's first {@code seeds} seeds, writes
     * every cell's rows and the mean shunting − additive row (recorded only when recording is asked).
     *
     * @param seeds seeds per cell (≥ 1)
     * @return the grid of differences with its row
     */
    public static InhibitionGrid inhibitionGrid(int seeds) {
        Experiment e = Catalog.get(SHUNTING_MINUS_ADDITIVE).experiment().seeds(seeds);
        InhibitionGrid g = grid(e);
        Experiment.write(List.of(g.row()), e.records());
        return g;
    }

    /**
     * Runs path propagation off and on (sandbox, per-soma 5F) and gives the seed-matched difference row.
     *
     * @param seeds seeds (≥ 1)
     * @return the row (written like {@link Experiment#run()} writes rows)
     */
    public static ReproductionRow pathEffect(int seeds) {
        return Catalog.get(PATH_MINUS_NO_PATH).run(seeds).rows().get(0);
    }

    private static Outcome cell(Experiment settings, Recipe r) {
        return r.experiment().profile(settings.profile()).seeds(settings.seedCount()).record(settings.records()).quiet()
                .run();
    }

    private static InhibitionGrid grid(Experiment settings) {
        Recipe self = settings.recipe();
        double[][] delta = new double[GRID_MODES.size()][INHIBITORY.length];
        double[] flat = new double[delta.length * INHIBITORY.length];
        double cost = 0;
        int epochs = 0;
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < GRID_MODES.size(); i++) {
            for (int k = 0; k < INHIBITORY.length; k++) {
                Outcome shunt = cell(settings, Experiments.inhibitionCell(INHIBITORY[k], GRID_MODES.get(i), Core.SHUNTING));
                Outcome add = cell(settings, Experiments.inhibitionCell(INHIBITORY[k], GRID_MODES.get(i), Core.ADDITIVE));
                delta[i][k] = Stats.mean(Deltas.differences(shunt.sweep(), add.sweep()));
                flat[i * INHIBITORY.length + k] = delta[i][k];
                cost += shunt.sweep().wallSeconds() + add.sweep().wallSeconds();
                epochs = shunt.sweep().epochs();
                all.add(shunt);
                all.add(add);
            }
        }
        ReproductionRow row = Deltas.row(self, flat, epochs, cost, settings.profile(), Deltas.commit(all),
                settings.seedCount() + " seed(s) per cell");
        return new InhibitionGrid(INHIBITORY.clone(), GRID_MODES, delta, row);
    }

    private static ReproductionRow path(Experiment settings) {
        Outcome noPath = cell(settings, Experiments.pathPropagation(false));
        Outcome withPath = cell(settings, Experiments.pathPropagation(true));
        return Deltas.row(settings.recipe(), Deltas.differences(withPath.sweep(), noPath.sweep()),
                withPath.sweep().epochs(), withPath.sweep().wallSeconds() + noPath.sweep().wallSeconds(),
                settings.profile(), Deltas.commit(List.of(noPath, withPath)), "");
    }
}
