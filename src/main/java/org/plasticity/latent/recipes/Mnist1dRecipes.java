package org.plasticity.latent.recipes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Knob;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.Rules;
import org.plasticity.experiment.sweep.Compare;
import org.plasticity.experiment.sweep.TTest;
import org.plasticity.latent.Latent;
import org.plasticity.latent.baselines.GruClassifier;
import org.plasticity.latent.baselines.MlpClassifier;
import org.plasticity.latent.baselines.SequenceClassifier;
import org.plasticity.latent.baselines.TcnClassifier;
import org.plasticity.latent.learn.GleLearner;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.tasks.Mnist1dSequences;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunRecord;
import org.plasticity.results.Stats;
import org.plasticity.train.Trainer;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.PlateauSchedule;

/**
 * MNIST-1D (spec §2.4; GLE paper's MNIST-1D table): GLE end-to-end with ≈ 15k parameters (6 layers of 17 fast + 36
 * slow units) and the 42k variant (30 fast + 60 slow: the slow count is not given, our guess keeps the 15k net's 1 : 2
 * ratio), the exact BPTT reference on the very 15k network (ours; the paper's BPTT rows are other architectures), and
 * GLE − BPTT over shared seeds with a paired t-test. Adam 5e-3 × 0.2 per step for GLE (2.5e-3 × 0.2 for 42k), batch 100,
 * 150 epochs, final test accuracy; seeds 12, 34, 56, 78, 98, 76, 54, 32, 42, 69 (the paper's), 3 by default;
 * ReduceLROnPlateau (patience 2, factor 0.5) on the loss of a held-out validation set (an independent draw of the
 * generator, {@link Mnist1dSequences#gleWithValidation()}): the authors step it on the test loss, which anneals the rate
 * ×0.5 about every 3 epochs from epoch ≈ 10 (10 cuts by epoch 44–59 in the 15k net's 10 per-seed logs in
 * the authors' results) and is what settles their runs at ≈ 91 % by epoch ≈ 55; the test set never steers a run here.
 * The paper's BPTT/BP rows (GRU 90.34, TCN 93.71, MLP 64.99 %) are reproduced with our own GRU, TCN and MLP of about
 * the same parameter count (their schedule is not given: the plateau on the training loss).
 */
final class Mnist1dRecipes {

    /** Recipe ids. */
    static final String GLE_15K = "mnist1d-gle-15k";
    static final String GLE_42K = "mnist1d-gle-42k";
    static final String BPTT_15K = "mnist1d-bptt-15k";
    static final String GLE_MINUS_BPTT = "mnist1d-gle-minus-bptt";
    static final String LAGNET = "mnist1d-lagnet-le-mlp";

    /** The paper's seeds of the static LagNet runs. */
    static final long[] LAGNET_SEEDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    /** The paper's seeds of the GLE runs. */
    static final long[] SEEDS = {12, 34, 56, 78, 98, 76, 54, 32, 42, 69};

    private Mnist1dRecipes() {
    }

    static List<Recipe> recipes() {
        List<Recipe> out = new ArrayList<>();
        out.add(gle(GLE_15K, Latent.mnist1d(17, 36), 5e-3 * 0.2, 0.9172, 0.0080, "6 × (17 fast + 36 slow)"));
        out.add(gle(GLE_42K, Latent.mnist1d(30, 60), 2.5e-3 * 0.2, 0.9348, 0.0094,
                "6 × (30 fast + 60 slow; the slow count is our guess)"));
        GleConfig c = Latent.mnist1d(17, 36);
        out.add(base(BPTT_15K, c, "exact BPTT (full 360-step window) on the GLE 15k network; Adam 5e-3 per batch; ours,"
                + " no paper figure").learner((cfg, seed) -> Latent.bptt(c, 0, seed))
                .trainer((cfg, l) -> plateau(Trainer.create().batchSize(cfg.integer("batch_size")),
                        Adam.of(5e-3 * cfg.real("lr_scale"))))
                .claim(Claim.accuracy(Double.NaN, Double.NaN, 0.01)).build());
        GleConfig lag = Latent.lagNetLeMlp();
        out.add(base(LAGNET, lag, "static LagNet (fixed 4 × 10 linear delay units) + LE-MLP 10-60-60-10, online Adam "
                + 5e-3 * 0.2 + " per step").seeds(LAGNET_SEEDS)
                .learner((cfg, seed) -> new GleLearner(Latent.lagNetWeights(GleNetwork.create(lag, seed))))
                .trainer((cfg, l) -> plateau(Trainer.create().batchSize(cfg.integer("batch_size")),
                        Adam.of(5e-3 * 0.2 * cfg.real("lr_scale"))))
                .claim(Claim.accuracy(0.9089, 0.0063, 0.01)).build());
        out.add(baseline("mnist1d-bptt-gru", "GRU, 68 units, readout of the last state, BPTT over 72 steps",
                seed -> new GruClassifier(72, 1, 68, 10, seed), 0.9034, 0.0248));
        out.add(baseline("mnist1d-bptt-tcn", "causal TCN, 5 layers × 34 channels, kernel 3, dilations 1–16 (receptive"
                + " field 63), ReLU, mean over time", seed -> new TcnClassifier(72, 1, 34, 3, 5, 10, seed), 0.9371, 0.0094));
        out.add(baseline("mnist1d-bp-mlp", "MLP 72-87-87-10 (tanh) on the whole sequence",
                seed -> new MlpClassifier(72, 1, 87, 10, seed), 0.6499, 0.0118));
        out.add(Recipe.builder(GLE_MINUS_BPTT).paper(Latent.PAPER).dataset("mnist-1d")
                .notes("GLE − exact BPTT on the same 15k network, seed-matched; paper: GLE on par with BPTT (qualitative);"
                        + " paired t-test in the notes")
                .claim(new Claim("test_accuracy_delta", Rules.REPORTED, 0, Double.NaN, 0.02))
                .derived(Mnist1dRecipes::gleMinusBptt).seeds(SEEDS).defaultSeedCount(3).build());
        return out;
    }

    /** The metric the GLE-network recipes' plateau schedule follows: the held-out validation loss. */
    static final String SCHEDULE_METRIC = "validation.loss";

    /**
     * The authors' ReduceLROnPlateau (patience 2, factor 0.5) on the held-out validation loss (our decision: the authors
     * step it on the test loss, and the test set never steers a run here; the data must have a validation set,
     * {@link Mnist1dSequences#gleWithValidation()}).
     */
    static Trainer plateau(Trainer t, Adam adam) {
        return plateau(t, adam, SCHEDULE_METRIC);
    }

    /** The same plateau schedule on another epoch metric (the BPTT/BP baselines: the training loss). */
    static Trainer plateau(Trainer t, Adam adam, String metric) {
        PlateauSchedule p = PlateauSchedule.of(2, 0.5, metric);
        return t.optimizer(adam.withSchedule(p)).listener(p);
    }

    private static Recipe.Builder base(String id, GleConfig c, String notes) {
        return Recipe.builder(id).paper(Latent.PAPER).dataset("mnist-1d")
                .notes(notes + "; " + c.parameterCount() + " parameters; final test accuracy; ReduceLROnPlateau"
                        + " (patience 2, factor 0.5) on the loss of a held-out validation draw of the generator (seed "
                        + Mnist1dSequences.VALIDATION_SEED + ", 1000 samples; the authors step it on the test loss)")
                .data(Mnist1dSequences::gleWithValidation).epochs(150).batchSize(100)
                .knob(Knob.real("lr_scale", 1.0, 1e-6, 1e6, "multiplies the Adam rate"))
                .seeds(SEEDS).defaultSeedCount(3);
    }

    private static Recipe gle(String id, GleConfig c, double lr, double paper, double std, String arch) {
        return base(id, c, "GLE end-to-end, " + arch + ", online Adam " + lr + " per step")
                .learner((cfg, seed) -> Latent.gle(c, seed))
                .trainer((cfg, l) -> plateau(Trainer.create().batchSize(cfg.integer("batch_size")),
                        Adam.of(lr * cfg.real("lr_scale"))))
                .claim(Claim.accuracy(paper, std, 0.01)).build();
    }

    private static Recipe baseline(String id, String arch, java.util.function.LongFunction<SequenceClassifier> make,
            double paper, double std) {
        SequenceClassifier probe = make.apply(0);
        return Recipe.builder(id).paper(Latent.PAPER).dataset("mnist-1d")
                .notes(arch + "; " + probe.parameterCount() + " parameters (GLE 15k: 14 956); our implementation; MNIST-1D at"
                        + " its natural 72 steps (how the paper fed its baselines is not given); Adam 1e-3 per batch, 150"
                        + " epochs (the paper's schedule for them is not given), ReduceLROnPlateau (patience 2, factor 0.5) on the"
                        + " training loss; final test accuracy")
                .data(Mnist1dSequences::natural).epochs(150).batchSize(100)
                .knob(Knob.real("lr_scale", 1.0, 1e-6, 1e6, "multiplies the Adam rate"))
                .learner((cfg, seed) -> make.apply(seed))
                .trainer((cfg, l) -> plateau(Trainer.create().batchSize(cfg.integer("batch_size")),
                        Adam.of(1e-3 * cfg.real("lr_scale")), "train.loss"))
                .seeds(SEEDS).defaultSeedCount(3).claim(Claim.accuracy(paper, std, 0.01)).build();
    }

    private static List<ReproductionRow> gleMinusBptt(Experiment settings) {
        Outcome gle = Catalog.get(GLE_15K).experiment().profile(settings.profile()).seeds(settings.seedCount())
                .record(settings.records()).quiet().run();
        Outcome bptt = Catalog.get(BPTT_15K).experiment().profile(settings.profile()).seeds(settings.seedCount())
                .record(settings.records()).quiet().run();
        Map<Long, Double> a = bySeed(gle.sweep().records());
        Map<Long, Double> b = bySeed(bptt.sweep().records());
        double[] d = a.keySet().stream().filter(b::containsKey).mapToDouble(s -> a.get(s) - b.get(s)).toArray();
        String test = "";
        if (d.length >= 2) {
            TTest t = Compare.paired(GLE_15K, a, BPTT_15K, b);
            test = String.format(Locale.ROOT, "; paired t-test over %d seeds: p = %.3g", d.length, t.p());
        }
        Recipe r = settings.recipe();
        Claim c = r.claims().get(0);
        double mean = Stats.mean(d);
        return List.of(new ReproductionRow(r.paper(), r.id(), r.dataset(), c.metric(), c.paperValue(), c.paperStd(), mean,
                Stats.std(d), d.length, settings.profile(), Rules.status(mean, c), gle.sweep().epochs(),
                gle.sweep().wallSeconds() + bptt.sweep().wallSeconds(), gle.sweep().commit(), r.notes() + test));
    }

    private static Map<Long, Double> bySeed(List<RunRecord> records) {
        Map<Long, Double> m = new HashMap<>();
        records.forEach(x -> m.put(x.seed(), Rules.reported(x)));
        return m;
    }
}
