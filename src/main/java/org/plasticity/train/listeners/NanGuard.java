package org.plasticity.train.listeners;

import org.plasticity.train.BatchStats;
import org.plasticity.train.DivergenceException;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Stops training at the first non-finite batch loss, gradient or parameter, with a message that
 * says where and what to change. Installed by the trainer on every run; it runs before the
 * optimizer applies a poisoned update, so the last checkpoint stays the last good state.
 */
public final class NanGuard implements TrainingListener {

    @Override
    public void onBatchEnd(TrainingSession session, StepContext ctx, BatchStats stats) {
        if (!Double.isFinite(stats.lossSum())) {
            throw diverged(session, ctx, "the training loss is " + stats.lossSum());
        }
        checkGradients(session, ctx, session.learner().parameters());
    }

    /**
     * Fails when a gradient slot is not finite (also used before every online update).
     *
     * @param session the run
     * @param ctx the batch
     * @param parameters the slots to check
     * @throws DivergenceException naming the parameter and what to change
     */
    public static void checkGradients(TrainingSession session, StepContext ctx, java.util.List<Parameter> parameters) {
        for (Parameter p : parameters) {
            float[] g = p.grad();
            for (float v : g) {
                if (!Float.isFinite(v)) {
                    throw diverged(session, ctx, "the update of parameter " + p.name() + " contains " + v);
                }
            }
        }
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
        for (Parameter p : session.learner().parameters()) {
            for (float v : p.value()) {
                if (!Float.isFinite(v)) {
                    throw new DivergenceException("training diverged: parameter " + p.name() + " contains " + v
                            + " after epoch " + metrics.epoch() + " of " + session.name() + ". " + FIX);
                }
            }
        }
    }

    private static DivergenceException diverged(TrainingSession session, StepContext ctx, String what) {
        return new DivergenceException("training diverged at epoch " + (ctx.epoch() + 1) + ", batch " + ctx.batch()
                + " of " + session.name() + ": " + what + ". " + FIX);
    }

    private static final String FIX = "Lower the learning rate (or the layer-wise scales), the nudging strength β or"
            + " the relaxation step size, or add gradient clipping; the last checkpoint (if any) is unchanged.";

    @Override
    public String toString() {
        return "NanGuard";
    }
}
