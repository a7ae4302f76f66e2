package org.plasticity.train;

import java.util.List;
import org.plasticity.data.Batch;

/**
 * A trainable model together with the way it estimates parameter updates: the one contract the
 * shared {@link Trainer} drives. Equilibrium propagation, backprop-through-time, the LocalCA
 * local rules and backprop on compartment trees all implement it.
 *
 * <p>Per batch the trainer zeroes every gradient slot, calls {@link #computeGradients}, and lets
 * its {@link org.plasticity.train.optim.Optimizer} apply the slots. A learner never updates its parameters itself.
 *
 * <p><b>Online learners</b> (updates inside a batch, e.g. at every time step of a sequence) call
 * {@link StepContext#applyUpdate()} whenever an update is due: the trainer's optimizer then applies the slots and zeroes
 * them, exactly as at the end of a batch (see {@link Trainer} for the rules: schedule, clipping, step count). A learner
 * that called it during a batch owns all of that batch's updates: the trainer does not step again at the batch's end.
 *
 * <p><b>Metrics</b>: {@link BatchStats} carries loss and accuracy plus any named per-sample sums
 * ({@link BatchStats#with}); they reach {@link EpochMetrics#extra()}, the history CSV and the divergence guard (which
 * reads {@code saturation}, the fraction of saturated output units, when a learner reports it).
 */
public interface Learner {

    /** The trainable parameters, in a stable order (also the checkpoint order). */
    List<Parameter> parameters();

    /**
     * Writes a descent direction for one batch into each parameter's gradient slot (already
     * zeroed) and reports the batch's training loss and accuracy.
     *
     * @param batch the samples
     * @param ctx position in training and the batch's random stream
     * @return summed loss, correct predictions and sample count
     */
    BatchStats computeGradients(Batch batch, StepContext ctx);

    /**
     * Evaluates without learning.
     *
     * @param batch the samples
     * @return summed loss, correct predictions and sample count
     */
    BatchStats evaluate(Batch batch);

    /**
     * Non-parameter state that must survive a checkpoint (running statistics, EMA estimators, eligibility traces),
     * typed ({@link LearnerState}: floats, doubles, ints, longs). Empty by default.
     */
    default LearnerState state() {
        return LearnerState.EMPTY;
    }

    /**
     * Restores the state returned by {@link #state()}.
     *
     * @param state the saved entries, named as produced by {@link #state()}
     */
    default void restoreState(LearnerState state) {
        // stateless by default
    }

    /** A one-line description of the model and its estimator, recorded in every result row. */
    String describe();
}
