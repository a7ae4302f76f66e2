package org.plasticity.localca.fidelity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.plasticity.data.Batch;
import org.plasticity.localca.LocalRuleLearner;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.ParameterGroup;
import org.plasticity.localca.model.TreeBackprop;
import org.plasticity.localca.model.TreeGradients;
import org.plasticity.train.Checkpoint;
import org.plasticity.train.Parameter;

/**
 * The gradient-fidelity diagnostic (paper Section 5.3, Eqs. 27–28; spec §1.6): on one batch and
 * the same parameters, compare the local rule's pseudo-gradient (exactly as it would be written
 * into the gradient slots, w.r.t. the raw parameters θ, log w, log m, log b) with the exact
 * backprop gradient of the batch-mean loss (Theorem 1).
 *
 * <pre>{@code
 * FidelityReport r = GradientFidelity.measure(learner, probeBatch);
 * r.weightedCosine();   // Table 2 "Weighted cosine"
 * }</pre>
 */
public final class GradientFidelity {

    /** The paper's aggregation groups: all but the decoder. */
    public static final Set<ParameterGroup> DEFAULT_GROUPS = EnumSet.of(ParameterGroup.EXCITATORY_SYNAPSE,
            ParameterGroup.INHIBITORY_SYNAPSE, ParameterGroup.DENDRITIC_CONDUCTANCE, ParameterGroup.REACTIVATION);

    private GradientFidelity() {
    }

    /**
     * Measures with the learner's current parameters and modulator state (left unchanged).
     *
     * @param learner a local-rule learner
     * @param batch the probe batch
     * @return per-tensor fidelity and aggregates (decoder excluded)
     */
    public static FidelityReport measure(LocalRuleLearner learner, Batch batch) {
        return measure(learner, batch, DEFAULT_GROUPS, 1_000_000);
    }

    /**
     * Measures with explicit aggregation groups.
     *
     * @param learner a local-rule learner
     * @param batch the probe batch
     * @param groups groups entering the aggregates
     * @param epoch epoch used for warm-ups inside the rule (HSIC)
     * @return the report
     */
    public static FidelityReport measure(LocalRuleLearner learner, Batch batch, Set<ParameterGroup> groups, int epoch) {
        DendriticNetwork net = learner.network();
        TreeGradients local = learner.probe(batch, epoch);
        TreeGradients exact = backprop(net, batch);
        List<ComponentFidelity> out = new ArrayList<>();
        List<Parameter> ts = net.parameters();
        for (int i = 0; i < ts.size(); i++) {
            out.add(ComponentFidelity.of(ts.get(i).name(), net.group(i), net.layer(i), local.array(i), exact.array(i)));
        }
        return new FidelityReport(out, groups);
    }

    /** The exact gradient of the batch-mean cross-entropy (decoder included). */
    public static TreeGradients backprop(DendriticNetwork net, Batch batch) {
        ForwardPass pass = net.newPass(batch.size());
        net.forward(batch.features(), batch.size(), pass);
        TreeGradients g = TreeGradients.zeros(net);
        new TreeBackprop(net, batch.size()).run(pass, batch.labels(), g, true);
        return g;
    }

    /**
     * Measures a saved checkpoint: loads its parameters and learner state into {@code learner}
     * (which must have the checkpoint's architecture and rule), then measures.
     *
     * @param checkpoint a checkpoint file written by the trainer
     * @param learner a learner of the same configuration (its parameters are overwritten)
     * @param batch the probe batch
     * @return the report
     */
    public static FidelityReport measure(Path checkpoint, LocalRuleLearner learner, Batch batch) {
        Checkpoint ck = Checkpoint.load(checkpoint);
        for (Parameter p : learner.parameters()) {
            float[] saved = ck.parameters().get(p.name());
            if (saved == null || saved.length != p.size()) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " has no parameter " + p.name() + " of size "
                        + p.size() + "; build the learner with the checkpoint's architecture");
            }
            System.arraycopy(saved, 0, p.value(), 0, saved.length);
        }
        learner.restoreState(ck.learnerState());
        return measure(learner, batch);
    }
}
