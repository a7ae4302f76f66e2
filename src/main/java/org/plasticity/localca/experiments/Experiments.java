package org.plasticity.localca.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Recipe;
import org.plasticity.localca.LearningRates;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.LocalRuleLearner;
import org.plasticity.localca.model.Core;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.Broadcast;
import org.plasticity.localca.rules.DecoderMode;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.localca.rules.Rule;

/**
 * The catalogue of the paper's experiments with their settings and the paper's numbers (spec §1.5).
 * Ids carry task, rule and broadcast mode, e.g. {@code mnist-5f-per-soma},
 * {@code context-gating-3f-scalar}, {@code mnist-bp-ceiling}.
 */
public final class Experiments {

    private static final double NONE = Double.NaN;

    private Experiments() {
    }

    /** Worker threads for the tree kernels: {@code -Dplasticity.threads}, else 2. */
    public static int threads() {
        return Integer.getInteger("plasticity.threads", 2);
    }

    /** The headline tree (128 neurons, [3, 3], K_E 40, K_I 20) with the configured threads. */
    public static TreeConfig headlineTree() {
        return TreeConfig.headline().withThreads(threads());
    }

    /** The sandbox tree of Table 4 (20 neurons, K_I 10). */
    public static TreeConfig sandboxTree() {
        return TreeConfig.sandbox().withThreads(threads());
    }

    /** Recipe 1: backprop capacity ceiling (80 epochs, early stopping patience 20). */
    public static Recipe capacityCeiling(Task task) {
        double paper = switch (task) {
            case MNIST -> 0.965;
            case CONTEXT_GATING -> 0.864;
            case FASHION_MNIST -> 0.879;
        };
        return LocalCaRecipes.recipe(task.id() + "-bp-ceiling", task, seed -> LocalCa.backprop(headlineTree(), seed), 80, 20,
                paper, NONE, false, null, "shunting headline tree; the paper's ceiling is the best of a phase-1 sweep");
    }

    /** The headline local run of a task (Table 1): 5F per-soma, HSIC 0.01 on context gating. */
    public static Recipe headline(Task task) {
        return switch (task) {
            case MNIST -> local(task, LocalRuleConfig.headline(), Core.SHUNTING, 0.914, 0.003,
                    new double[] {0.202, 0.117, 1.130}, "Table 1 / Table 2");
            case CONTEXT_GATING -> local(task, LocalRuleConfig.headline().withHsicWeight(0.01), Core.SHUNTING, 0.803,
                    0.006, new double[] {0.108, 0.036, 1.404}, "Table 1 / Table 2; HSIC weight 0.01");
            case FASHION_MNIST -> local(task, LocalRuleConfig.headline(), Core.SHUNTING, 0.811, 0.012, null,
                    "revised paper");
        };
    }

    /**
     * A local run of the headline tree for 200 epochs.
     *
     * @param task data
     * @param rule the rule
     * @param core shunting or additive
     * @param paper paper accuracy (NaN if none)
     * @param paperStd paper std (NaN if none)
     * @param paperFidelity Table 2 [cos, scale, rel L2] or null
     * @param notes row notes
     * @return the experiment
     */
    public static Recipe local(Task task, LocalRuleConfig rule, Core core, double paper, double paperStd,
            double[] paperFidelity, String notes) {
        String id = task.id() + "-" + rule.id() + (core == Core.ADDITIVE ? "-additive" : "")
                + (rule.hsic().enabled() && task != Task.CONTEXT_GATING ? "-hsic" + rule.hsic().weight() : "")
                + (rule.hsic().enabled() && task == Task.CONTEXT_GATING && rule.hsic().weight() != 0.01
                        ? "-hsic" + rule.hsic().weight() : "")
                + (!rule.hsic().enabled() && task == Task.CONTEXT_GATING ? "-no-hsic" : "")
                + (rule.morphology().pathPropagation() ? "-path" : "");
        TreeConfig tree = headlineTree().withCore(core);
        return LocalCaRecipes.recipe(id, task, seed -> LocalCa.local(tree, rule, seed), 200, 0, paper, paperStd,
                true, paperFidelity, notes);
    }

    /** The additive control of a headline run (Table 2, revised paper). */
    public static Recipe additive(Task task) {
        return switch (task) {
            case MNIST -> local(task, LocalRuleConfig.headline(), Core.ADDITIVE, 0.894, NONE,
                    new double[] {0.006, 1.053, 13.324}, "additive control; accuracy from the revised paper");
            case CONTEXT_GATING -> local(task, LocalRuleConfig.headline().withHsicWeight(0.01), Core.ADDITIVE, 0.667,
                    0.035, new double[] {-0.007, 2.154, 145.965}, "additive control; revised paper");
            case FASHION_MNIST -> local(task, LocalRuleConfig.headline(), Core.ADDITIVE, 0.794, 0.023, null,
                    "additive control; revised paper");
        };
    }

    /** Recipe 3: the rule family on a task, per-soma broadcast (paper Table 3, top-10 sweep means). */
    public static Recipe ruleFamily(Task task, Rule rule) {
        double[] paper = task == Task.MNIST ? new double[] {0.622, 0.628, 0.916}
                : task == Task.CONTEXT_GATING ? new double[] {0.396, 0.411, 0.789} : new double[] {NONE, NONE, NONE};
        LocalRuleConfig cfg = LocalRuleConfig.of(rule, Broadcast.PER_SOMA);
        if (task == Task.CONTEXT_GATING) {
            cfg = cfg.withHsicWeight(0.01);
        }
        return local(task, cfg, Core.SHUNTING, paper[rule.ordinal()], NONE, null,
                "Table 3 reports the mean of the top-10 sweep runs, not this exact configuration");
    }

    /** Recipe 3: 5F with another broadcast mode (Appendix A: MNIST 0.918 / 0.889 / 0.200). */
    public static Recipe broadcast(Task task, Broadcast b) {
        double paper = switch (b) {
            case PER_SOMA -> task == Task.MNIST ? 0.918 : task == Task.CONTEXT_GATING ? 0.827 : NONE;
            case SCALAR -> task == Task.MNIST ? 0.889 : task == Task.CONTEXT_GATING ? 0.699 : NONE;
            case LOCAL_MISMATCH -> task == Task.MNIST ? 0.200 : task == Task.CONTEXT_GATING ? 0.114 : NONE;
            case DFA, PER_COMPARTMENT -> NONE;
        };
        LocalRuleConfig cfg = LocalRuleConfig.of(Rule.FIVE_F, b);
        if (task == Task.CONTEXT_GATING) {
            cfg = cfg.withHsicWeight(0.01);
        }
        return local(task, cfg, Core.SHUNTING, paper, NONE, null, "Appendix A broadcast-mode comparison");
    }

    /**
     * The headline run with the literal reading of the paper's per-compartment mode (B): per-soma
     * errors only where d_n = d_out (the soma layer), scalar fallback elsewhere. Compared against
     * the paper's Table 1 figure, to test whether this reading explains our per-soma gap.
     */
    public static Recipe literalPerCompartment(Task task) {
        Recipe h = headline(task);
        Claim acc = h.claims().get(0);
        double[] fidelity = h.claims().size() < 4 || Double.isNaN(h.claims().get(1).paperValue()) ? null
                : new double[] {h.claims().get(1).paperValue(), h.claims().get(2).paperValue(), h.claims().get(3).paperValue()};
        LocalRuleConfig cfg = LocalRuleConfig.headline().withBroadcast(Broadcast.PER_COMPARTMENT);
        if (task == Task.CONTEXT_GATING) {
            cfg = cfg.withHsicWeight(0.01);
        }
        return local(task, cfg, Core.SHUNTING, acc.paperValue(), acc.paperStd(), fidelity,
                "literal mode (B): per-soma error only where d_n = d_out (soma layer), scalar elsewhere; compared "
                        + "with the paper's per-soma Table 1 figure");
    }

    /**
     * A sandbox run (Table 4 / Fig. 2 / Fig. 10 regime): 20 neurons, 30 epochs, sandbox rates.
     *
     * @param id experiment id
     * @param task data
     * @param tree the tree (a variant of {@link #sandboxTree()})
     * @param rule the rule
     * @param paper paper accuracy or NaN
     * @param notes row notes
     * @return the experiment
     */
    public static Recipe sandbox(String id, Task task, TreeConfig tree, LocalRuleConfig rule, double paper,
            String notes) {
        return LocalCaRecipes.recipe(id, task, seed -> new LocalRuleLearner(DendriticNetwork.create(tree, seed), rule,
                LearningRates.sandbox(), seed), 30, 0, paper, NONE, false, null, notes);
    }

    /**
     * Recipe 6: decoder locality in the sandbox with the own-soma broadcast ({@link Broadcast#PER_SOMA},
     * a variant beyond the paper since the spec's decision of 2026-12-02); the paper's figures (Table 4:
     * MNIST 0.3790 / 0.3788 / 0.1756) are compared with {@link #decoderLocalityLiteral} as well.
     */
    public static Recipe decoderLocality(DecoderMode mode) {
        double paper = switch (mode) {
            case LOCAL -> 0.3790;
            case BACKPROP -> 0.3788;
            case FROZEN -> 0.1756;
        };
        return sandbox("mnist-sandbox-5f-per-soma-" + mode.id(), Task.MNIST, sandboxTree(),
                LocalRuleConfig.headline().withDecoder(mode), paper, "Table 4 sandbox; 5F with the own-soma broadcast, a "
                        + "variant beyond the paper (spec decision 2026-12-02), not the paper's per-soma mode: compare "
                        + "the paper's figure with mnist-sandbox-5f-per-compartment-" + mode.id());
    }

    /**
     * Decoder locality in the sandbox with the paper's per-soma mode read as the spec's decision of
     * 2026-12-02 (mode (B), the literal reading that reproduces Table 1 on MNIST): per-soma errors only
     * where d_n = d_out (the soma layer), the scalar ē of Eq. 12 elsewhere. Compared with Table 4
     * (MNIST 0.3790 / 0.3788 / 0.1756); {@link #decoderLocality} is the own-soma variant beyond the paper.
     */
    public static Recipe decoderLocalityLiteral(DecoderMode mode) {
        Recipe own = decoderLocality(mode);
        return sandbox("mnist-sandbox-5f-per-compartment-" + mode.id(), Task.MNIST, sandboxTree(),
                LocalRuleConfig.headline().withBroadcast(Broadcast.PER_COMPARTMENT).withDecoder(mode),
                own.claims().get(0).paperValue(), "Table 4 sandbox; the paper's per-soma read as mode (B): per-soma "
                        + "error only where d_n = d_out (soma layer), scalar elsewhere");
    }

    /** Recipe 4 cell: sandbox with K_I inhibitory synapses, a broadcast mode and a core (Fig. 2). */
    public static Recipe inhibitionCell(int inhibitory, Broadcast b, Core core) {
        String id = "mnist-sandbox-5f-" + b.id() + "-ni" + inhibitory + "-" + core.name().toLowerCase(java.util.Locale.ROOT);
        return sandbox(id, Task.MNIST, sandboxTree().withInhibitorySynapses(inhibitory).withCore(core),
                LocalRuleConfig.of(Rule.FIVE_F, b), NONE, "Fig. 2 cell (the paper gives the heatmap, not cell values)");
    }

    /** Recipe 6: path propagation on/off in the sandbox, per-soma (Table 4: path − no path = −0.0030). */
    public static Recipe pathPropagation(boolean on) {
        return sandbox("mnist-sandbox-5f-per-soma" + (on ? "-path" : "-no-path"), Task.MNIST, sandboxTree(),
                LocalRuleConfig.headline().withPathPropagation(on), NONE, "Table 4 path on/off");
    }

    /** Recipe 6: HSIC weight × broadcast on context gating (Fig. 5). */
    public static Recipe hsic(double weight, Broadcast b) {
        LocalRuleConfig cfg = LocalRuleConfig.of(Rule.FIVE_F, b).withHsicWeight(weight);
        double paper = b == Broadcast.PER_SOMA && weight == 0.01 ? 0.803 : b == Broadcast.PER_SOMA && weight == 0
                ? 0.772 : NONE;
        double std = b == Broadcast.PER_SOMA && weight == 0.01 ? 0.006 : b == Broadcast.PER_SOMA && weight == 0 ? 0.015
                : NONE;
        return local(Task.CONTEXT_GATING, cfg, Core.SHUNTING, paper, std, null, "Fig. 5 HSIC weight × broadcast");
    }

    /** Recipe 6: morphology scaling in the sandbox (Fig. 10a), branch factors × path. */
    public static Recipe morphology(List<Integer> branchFactors, boolean path) {
        String shape = branchFactors.toString().replaceAll("[\\[\\] ]", "").replace(',', 'x');
        return sandbox("mnist-sandbox-5f-per-soma-b" + shape + (path ? "-path" : ""), Task.MNIST,
                sandboxTree().withBranchFactors(branchFactors.toArray(Integer[]::new)),
                LocalRuleConfig.headline().withPathPropagation(path), NONE, "Fig. 10a morphology scaling");
    }

    /** Every catalogued experiment by id, in the paper's order. */
    public static Map<String, Recipe> all() {
        List<Recipe> list = new ArrayList<>();
        for (Task t : Task.values()) {
            list.add(capacityCeiling(t));
        }
        for (Task t : Task.values()) {
            list.add(headline(t));
        }
        for (Task t : Task.values()) {
            list.add(literalPerCompartment(t));
        }
        for (Task t : new Task[] {Task.MNIST, Task.CONTEXT_GATING}) {
            list.add(ruleFamily(t, Rule.THREE_F));
            list.add(ruleFamily(t, Rule.FOUR_F));
            list.add(broadcast(t, Broadcast.SCALAR));
            list.add(broadcast(t, Broadcast.LOCAL_MISMATCH));
        }
        for (int ni : new int[] {0, 5, 10, 20, 40}) {
            for (Broadcast b : new Broadcast[] {Broadcast.PER_SOMA, Broadcast.SCALAR}) {
                for (Core c : Core.values()) {
                    list.add(inhibitionCell(ni, b, c));
                }
            }
        }
        for (Task t : Task.values()) {
            list.add(additive(t));
        }
        for (DecoderMode m : DecoderMode.values()) {
            list.add(decoderLocality(m));
        }
        for (DecoderMode m : DecoderMode.values()) {
            list.add(decoderLocalityLiteral(m));
        }
        list.add(pathPropagation(false));
        list.add(pathPropagation(true));
        for (double w : new double[] {0, 0.1, 1}) {
            for (Broadcast b : new Broadcast[] {Broadcast.PER_SOMA, Broadcast.SCALAR}) {
                list.add(hsic(w, b));
            }
        }
        for (List<Integer> bf : List.of(List.of(3), List.of(3, 3), List.of(3, 3, 3))) {
            list.add(morphology(bf, false));
            list.add(morphology(bf, true));
        }
        Map<String, Recipe> m = new LinkedHashMap<>();
        for (Recipe e : list) {
            if (m.put(e.id(), e) != null) {
                throw new IllegalStateException("duplicate experiment id " + e.id());
            }
        }
        return m;
    }

    /** The catalogued recipe with this id ({@link Catalog#get}). */
    public static Recipe byId(String id) {
        return Catalog.get(id);
    }

    /** Convenience: {@code mnist-5f-per-soma}. */
    public static Recipe mnist5fPerSoma() {
        return headline(Task.MNIST);
    }
}
