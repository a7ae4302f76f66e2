package org.plasticity.ep.dendritic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.plasticity.data.Datasets;
import org.plasticity.data.Splits;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Config;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Knob;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.RecipeProvider;
import org.plasticity.experiment.Rules;
import org.plasticity.experiment.sweep.Compare;
import org.plasticity.experiment.sweep.TTest;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunRecord;
import org.plasticity.results.Stats;
import org.plasticity.train.Learner;
import org.plasticity.train.Trainer;
import org.plasticity.train.optim.Adam;

/**
 * The dendritic-EP experiments of {@code notebooks/03-dendritic-ep.ipynb} (Kubo, arXiv 2605.08135; spec
 * {@code ep-family.md} §2). Per data set (MNIST, Fashion-MNIST, and KMNIST on the documented non-standard 8k/2k split of
 * its 10k test set, {@code kmnist-test-split}) and depth (1 or 2 hidden layers of 100 somata), five models under one
 * framework and one budget: the paper's "advanced EP framework" (symmetric ±β, T1 = 60 / 120, T2 = 12, Adam), batch 50,
 * 10 % of the training set held out as validation (seed 1) for the reported accuracy (test at the best-validation
 * epoch) and for the choice of β and the rate:
 * <ul>
 *   <li>{@code -dendritic-ep}: dendritic EP, 8 basal + 2 apical branches per soma, density 0.5 (spec §2.3);</li>
 *   <li>{@code -dendritic-bptt}: BPTT through the last T2 steps of the same network and dynamics;</li>
 *   <li>{@code -point-ep}: standard EP, point neurons of the same soma count, same framework;</li>
 *   <li>{@code -point-ep-params}: point neurons with the dendritic net's trainable-parameter count;</li>
 *   <li>{@code -point-ep-states}: point neurons with its state-variable count (somata + branches).</li>
 * </ul>
 * The paper gives no figures: every trained row is a stand-in. The abstract's claims are derived recipes
 * ({@code -claim-…}): seed-matched differences with a paired t-test and a verdict ({@link ClaimVerdict}). The epochs (10 on
 * the KMNIST split, a reduced 3 on MNIST and FMNIST) are our budget, not the paper's (not given).
 */
public final class DendriticRecipes implements RecipeProvider {

    /** Somata per hidden layer. */
    public static final int SOMAS = 100;
    /** Nudged-phase steps (the paper's 12). */
    public static final int T2 = 12;
    /** Declared epochs on the KMNIST split (our budget; the paper gives none); MNIST and FMNIST: 3 (reduced, 54k samples). */
    public static final int EPOCHS = 10;
    /**
     * β chosen on validation (results/dendritic-search/): the grid point with the best mean best-validation accuracy of
     * dendritic EP (0.874) and standard EP (0.844) on the KMNIST split, 3 epochs, seed 1; the same for every model.
     */
    public static final double BETA = 0.2;
    /** Adam rate chosen with β (the same search). */
    public static final double LR = 3e-3;
    /**
     * Adam rate of the wide point-neuron controls (784-400-10, 784-1100-10), chosen on validation between the grid's two
     * rates: at 3e-3 they collapse or stall (KMNIST split, 10 epochs, seeds 1–3, best validation accuracy 0.725 / 0.715 /
     * 0.898 for 400 units and 0.284 / 0.141 / 0.151 for 1100; records in results/dendritic-search/), so they run at 1e-3.
     */
    public static final double LR_WIDE = 1e-3;
    /** Seed of the validation split. */
    public static final long VALIDATION_SEED = 1;

    /** The data sets: id prefix, row data set id, loader. */
    enum Data {
        MNIST("mnist", "mnist", Datasets::mnist, 3),
        FMNIST("fmnist", "fashion-mnist", Datasets::fashionMnist, 3),
        KMNIST("kmnist-split", "kmnist-test-split", Datasets::kmnistTestSplit, EPOCHS);

        final String prefix;
        final String dataset;
        final Supplier<Splits> loader;
        final int epochs;

        Data(String prefix, String dataset, Supplier<Splits> loader, int epochs) {
            this.prefix = prefix;
            this.dataset = dataset;
            this.loader = loader;
            this.epochs = epochs;
        }

        Splits splits() {
            return loader.get().withValidation(0.1, VALIDATION_SEED);
        }
    }

    /** The five models. */
    public enum Model {
        /** Dendritic EP. */
        DENDRITIC_EP("dendritic-ep"),
        /** Dendritic BPTT. */
        DENDRITIC_BPTT("dendritic-bptt"),
        /** Standard EP with the same soma count. */
        POINT_EP("point-ep"),
        /** Standard EP with the dendritic net's parameter count. */
        POINT_EP_PARAMS("point-ep-params"),
        /** Standard EP with the dendritic net's state-variable count. */
        POINT_EP_STATES("point-ep-states");

        final String suffix;

        Model(String suffix) {
            this.suffix = suffix;
        }

        /** The id suffix. */
        public String suffix() {
            return suffix;
        }
    }

    @Override
    public String family() {
        return Dendritic.PAPER;
    }

    /** The id of a trained recipe, e.g. {@code kmnist-split-dendritic-ep} or {@code fmnist-2h-point-ep-params}. */
    public static String id(String prefix, int depth, Model m) {
        return prefix + (depth == 1 ? "" : "-" + depth + "h") + "-" + m.suffix;
    }

    /** The dendritic network of a depth. */
    public static DendriticConfig dendritic(int depth) {
        int[] somas = new int[depth];
        java.util.Arrays.fill(somas, SOMAS);
        return DendriticConfig.of(784, 10, somas);
    }

    /** Hidden sizes of the point-neuron control of a model at a depth (one width for every hidden layer). */
    public static int pointWidth(Model m, int depth) {
        DendriticNetwork d = new DendriticNetwork(dendritic(depth), 1, org.plasticity.tensor.FloatKernels.scalar());
        return switch (m) {
            case POINT_EP -> SOMAS;
            case POINT_EP_STATES -> (int) ((d.stateVariableCount() - 10) / depth);
            case POINT_EP_PARAMS -> paramMatchedWidth(d.trainableParameterCount(), depth);
            default -> throw new IllegalArgumentException(m + " is not a point-neuron model");
        };
    }

    /** The width h of 784-h-…-h-10 whose parameter count is closest to {@code target}. */
    static int paramMatchedWidth(long target, int depth) {
        int best = 1;
        long bestGap = Long.MAX_VALUE;
        for (int h = 1; h < 20_000; h++) {
            long gap = Math.abs(pointParameters(h, depth) - target);
            if (gap < bestGap) {
                bestGap = gap;
                best = h;
            }
        }
        return best;
    }

    /** Parameters of 784-h-…-h-10 (weights and biases). */
    public static long pointParameters(int h, int depth) {
        long p = 784L * h + h;
        for (int l = 1; l < depth; l++) {
            p += (long) h * h + h;
        }
        return p + 10L * h + 10;
    }

    @Override
    public List<Recipe> recipes() {
        List<Recipe> out = new ArrayList<>();
        for (Data d : Data.values()) {
            for (int depth = 1; depth <= 2; depth++) {
                for (Model m : Model.values()) {
                    out.add(trained(d, depth, m));
                }
                out.addAll(claims(d, depth));
            }
        }
        return out;
    }

    private static Recipe trained(Data d, int depth, Model m) {
        int t1 = depth == 1 ? 60 : 120;
        String arch;
        if (m == Model.DENDRITIC_EP || m == Model.DENDRITIC_BPTT) {
            DendriticNetwork probe = new DendriticNetwork(dendritic(depth), 1, org.plasticity.tensor.FloatKernels.scalar());
            arch = dendritic(depth) + "; " + probe.trainableParameterCount() + " trainable parameters, " + probe.stateVariableCount()
                    + " state variables";
        } else {
            int w = pointWidth(m, depth);
            arch = "point neurons 784-" + (depth == 1 ? w : w + "-" + w) + "-10, mysig, MSE; " + pointParameters(w, depth)
                    + " parameters, " + (w * depth + 10) + " state variables";
        }
        String notes = String.format(Locale.ROOT, "%s%s; %s; symmetric ±β, T1=%d, T2=%d, Adam, batch 50, %d epochs (%s;"
                + " the paper gives none), β and rate chosen on validation (results/dendritic-search/), Adam %s; 10%% validation held out%s;"
                + " paper: qualitative claims only (stand-in)", m == Model.DENDRITIC_BPTT ? "BPTT through the last T2 steps, " : "",
                m.suffix, arch, t1, T2, d.epochs, d.epochs < EPOCHS ? "REDUCED budget" : "our budget",
                m == Model.POINT_EP_PARAMS || m == Model.POINT_EP_STATES ? LR_WIDE : LR, d == Data.KMNIST ? "; KMNIST: NON-STANDARD 8k/2k split of its 10k test set" : "");
        return Recipe.builder(id(d.prefix, depth, m)).paper(Dendritic.PAPER).dataset(d.dataset).notes(notes)
                .data(d::splits).epochs(d.epochs).batchSize(50)
                .knob(Knob.real("beta", BETA, 1e-6, 100, "nudging strength |β|"))
                .knob(Knob.real("lr", m == Model.POINT_EP_PARAMS || m == Model.POINT_EP_STATES ? LR_WIDE : LR, 1e-7, 1,
                        "Adam learning rate"))
                .knob(Knob.integer("t1", t1, 1, 100_000, "free-phase steps"))
                .knob(Knob.integer("t2", T2, 1, 100_000, "nudged-phase steps (BPTT: recorded steps)"))
                .learner((cfg, seed) -> learner(m, depth, cfg, seed))
                .trainer((cfg, l) -> Trainer.create().batchSize(cfg.integer("batch_size")).optimizer(Adam.of(cfg.real("lr"))))
                .claim(Claim.accuracy(Double.NaN, Double.NaN, 0.01)).defaultSeedCount(3).build();
    }

    /** The learner of a model under a run's knobs. */
    public static Learner learner(Model m, int depth, Config cfg, long seed) {
        int t1 = cfg.integer("t1");
        int t2 = cfg.integer("t2");
        double beta = cfg.real("beta");
        return switch (m) {
            case DENDRITIC_EP -> Dendritic.ep(dendritic(depth), t1, t2, beta, seed);
            case DENDRITIC_BPTT -> Dendritic.bptt(dendritic(depth), t1, t2, seed);
            default -> {
                int w = pointWidth(m, depth);
                int[] sizes = depth == 1 ? new int[] {784, w, 10} : new int[] {784, w, w, 10};
                yield EqProp.network(sizes).t1(t1).t2(t2).beta(beta).estimator(Estimator.SYMMETRIC).build(seed);
            }
        };
    }

    // ------------------------------------------------------------------ the abstract's claims

    /** The claims of one data set and depth as derived recipes. */
    private static List<Recipe> claims(Data d, int depth) {
        List<Recipe> out = new ArrayList<>();
        String base = d.prefix + (depth == 1 ? "" : "-" + depth + "h") + "-claim-";
        ClaimVerdict.Kind better = d == Data.MNIST ? ClaimVerdict.Kind.COMPARABLE : ClaimVerdict.Kind.BETTER;
        String what = d == Data.MNIST ? "dendritic EP ≈ standard EP on MNIST" : depth == 1
                ? "dendritic EP significantly better than standard EP on " + d.dataset
                : "dendritic EP better than standard EP in deeper nets (" + d.dataset + ")";
        out.add(claim(base + "vs-point-ep", d, id(d.prefix, depth, Model.DENDRITIC_EP), id(d.prefix, depth, Model.POINT_EP), better,
                what + " (same soma count, same framework)"));
        out.add(claim(base + "vs-point-ep-params", d, id(d.prefix, depth, Model.DENDRITIC_EP),
                id(d.prefix, depth, Model.POINT_EP_PARAMS), better, what + ", control: point neurons of equal parameter count"));
        out.add(claim(base + "vs-point-ep-states", d, id(d.prefix, depth, Model.DENDRITIC_EP),
                id(d.prefix, depth, Model.POINT_EP_STATES), better, what + ", control: point neurons of equal state-variable count"));
        out.add(claim(base + "vs-dendritic-bptt", d, id(d.prefix, depth, Model.DENDRITIC_EP),
                id(d.prefix, depth, Model.DENDRITIC_BPTT), ClaimVerdict.Kind.APPROACHES,
                "dendritic EP approaches dendritic BPTT on " + d.dataset));
        return out;
    }

    private static Recipe claim(String id, Data d, String a, String b, ClaimVerdict.Kind kind, String what) {
        return Recipe.builder(id).paper(Dendritic.PAPER).dataset(d.dataset)
                .notes(what + "; " + a + " − " + b + ", seed-matched, paired t-test; " + kind.rule())
                .claim(new Claim("test_accuracy_delta", Rules.REPORTED, Double.NaN, Double.NaN, kind.margin()))
                .derived(e -> difference(e, a, b, kind)).defaultSeedCount(3).build();
    }

    private static List<ReproductionRow> difference(Experiment settings, String a, String b, ClaimVerdict.Kind kind) {
        Outcome oa = Catalog.get(a).experiment().profile(settings.profile()).seeds(settings.seedCount())
                .record(settings.records()).quiet().run();
        Outcome ob = Catalog.get(b).experiment().profile(settings.profile()).seeds(settings.seedCount())
                .record(settings.records()).quiet().run();
        Map<Long, Double> ma = bySeed(oa.sweep().records());
        Map<Long, Double> mb = bySeed(ob.sweep().records());
        double[] diff = ma.keySet().stream().filter(mb::containsKey).sorted().mapToDouble(s -> ma.get(s) - mb.get(s)).toArray();
        TTest t = diff.length >= 2 ? Compare.paired(a, ma, b, mb) : null;
        ClaimVerdict v = ClaimVerdict.of(kind, diff, t);
        Recipe r = settings.recipe();
        Claim c = r.claims().get(0);
        double mean = Stats.mean(diff);
        String test = t == null ? "; fewer than 2 shared seeds: no test" : String.format(Locale.ROOT,
                "; paired t-test over %d seeds: Δ = %+.4f, p = %.3g", diff.length, t.difference(), t.p());
        return List.of(new ReproductionRow(r.paper(), r.id(), r.dataset(), c.metric(), c.paperValue(), c.paperStd(), mean,
                Stats.std(diff), diff.length, settings.profile(), Rules.status(mean, c), oa.sweep().epochs(),
                oa.sweep().wallSeconds() + ob.sweep().wallSeconds(), oa.sweep().commit(),
                r.notes() + test + "; verdict: " + v.label()));
    }

    private static Map<Long, Double> bySeed(List<RunRecord> records) {
        Map<Long, Double> m = new HashMap<>();
        records.forEach(x -> m.put(x.seed(), Rules.reported(x)));
        return m;
    }
}
