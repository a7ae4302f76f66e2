package org.plasticity.ep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.plasticity.data.Datasets;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.results.Profile;
import org.plasticity.results.SweepResult;

/**
 * The standard-EP reproduction experiments on MNIST, by name, shared by the notebook
 * ({@code notebooks/02-equilibrium-propagation.ipynb}) and the command line, so both use the same ids,
 * settings and stored runs ({@code results/runs/<id>/} in the full profile).
 *
 * <pre>java --add-modules jdk.incubator.vector -Dplasticity.profile=full -cp target/classes:target/lib/*
 *     org.plasticity.ep.EpReproductions symmetric one-sided bptt ...</pre>
 *
 * Each experiment trains its seeds one after the other (resuming stored seeds and checkpoints) and
 * writes its row to {@code results/reproduction.csv} as soon as it finishes.
 */
public final class EpReproductions {

    private EpReproductions() {
    }

    /** The experiments, in the notebook's order. */
    public static Map<String, EpExperiment> all(Profile profile) {
        EpRecipe sym = EpPresets.laborieux2021Mnist();
        Map<String, EpExperiment> m = new LinkedHashMap<>();
        m.put("symmetric", EpExperiment.of(sym).profile(profile));
        m.put("one-sided", EpExperiment.of(sym.withId("mnist-784-500-10-one-sided")
                .withConfig(sym.config().withEstimator(Estimator.ONE_SIDED))).profile(profile));
        m.put("random-sign", EpExperiment.of(sym.withId("mnist-784-500-10-random-sign")
                .withConfig(sym.config().withEstimator(Estimator.RANDOM_SIGN))).profile(profile));
        m.put("bptt", EpExperiment.of(sym).bptt().profile(profile));
        m.put("ernoult2019", EpExperiment.of(EpPresets.ernoult2019()).profile(profile));
        m.put("sb2017", EpExperiment.of(EpPresets.scellierBengio2017()).profile(profile));
        m.put("two-hidden", EpExperiment.of(EpPresets.laborieux2021MnistTwoHidden()).profile(profile)
                .seeds(profile == Profile.SMOKE ? new long[] {1} : new long[] {1, 2, 3}));
        m.put("conv", EpExperiment.of(EpPresets.mnistConv()).seeds(1).profile(profile));
        return m;
    }

    /** One experiment by name. */
    public static EpExperiment get(String name, Profile profile) {
        EpExperiment e = all(profile).get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown experiment '" + name + "'; use one of " + all(profile).keySet());
        }
        return e;
    }

    /**
     * Runs the named experiments on MNIST in the current profile and records their rows.
     *
     * @param args experiment names (see {@link #all(Profile)}); none = all but the conv net
     */
    public static void main(String[] args) {
        Profile p = Profile.current();
        String[] names = args.length > 0 ? args
                : all(p).keySet().stream().filter(n -> !n.equals("conv")).toArray(String[]::new);
        for (String name : names) {
            EpExperiment e = get(name, p).quiet().listener(new ConsoleEpochLog(name));
            long t0 = System.nanoTime();
            SweepResult r = e.runAndRecord(Datasets.mnist(), "mnist");
            System.out.printf("%s (%s): test accuracy %.4f ± %.4f over %d seeds, %.0f s%n", name, e.id(),
                    r.mean("test_accuracy"), r.std("test_accuracy"), r.records().size(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Prints one line per epoch (for runs started with nohup). */
    private record ConsoleEpochLog(String name) implements org.plasticity.train.TrainingListener {
        @Override
        public void onEpochEnd(org.plasticity.train.TrainingSession s, org.plasticity.train.EpochMetrics m) {
            System.out.println(name + " seed " + s.config().seed() + " " + m);
        }
    }
}
