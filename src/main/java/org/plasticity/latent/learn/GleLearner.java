package org.plasticity.latent.learn;

import org.plasticity.data.Batch;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.train.BatchStats;
import org.plasticity.train.StepContext;

/**
 * GLE as an online learner (spec §2.5): every time step runs the neurons and the error neurons of all layers once
 * ({@link org.plasticity.latent.model.GleDynamics}), writes the local gradients (error × presynaptic rate, e ⊙ u̇ for
 * τ_m) into the slots and applies them through the trainer's optimizer ({@link StepContext#applyUpdate()}): no
 * phases, no stored past. With {@link org.plasticity.latent.model.GleConfig#prospectiveErrors()} off the errors are
 * not filtered (e = ε): the authors' "instantaneous backprop" (LE's error propagation), the LagLine baseline.
 */
public final class GleLearner extends SequenceLearner {

    /** @param net the network (its configuration says GLE or instantaneous errors, β, γ, state mode) */
    public GleLearner(GleNetwork net) {
        super(net);
        if (!(net.config().beta() > 0)) {
            throw new IllegalArgumentException("GLE learns from its output error β·ε: β must be > 0, got "
                    + net.config().beta());
        }
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        StepInputs in = StepInputs.of(batch, net.config());
        prepare(in);
        double loss = 0;
        for (int t = 0; t < in.steps(); t++) {
            float[] y = feed(in, state, t);
            dyn.step(state, true, true, null);
            loss += dyn.loss(state, in.labels(), y, true, null);
            ctx.applyUpdate();
        }
        return trainingStats(in, state, loss);
    }

    @Override
    public String describe() {
        return (net.config().prospectiveErrors() ? "gle" : "instantaneous-bp") + " online | " + net.describe();
    }
}
