package org.plasticity.train;

import java.util.List;
import java.util.Map;
import org.plasticity.data.Batch;

/**
 * A trainable model together with the way it estimates parameter updates: the one contract the
 * shared {@link Trainer} drives. Equilibrium propagation, backprop-through-time, the LocalCA
 * local rules and backprop on compartment trees all implement it.
 *
 * <p>Per batch the trainer zeroes every gradient slot, calls {@link #computeGradients}, and lets
 * its {@link Optimizer} apply the slots. A learner never updates its parameters itself.
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
     * Non-parameter state that must survive a checkpoint (running statistics, EMA estimators).
     * Arrays are copied by the caller. Empty by default.
     */
    default Map<String, float[]> state() {
        return Map.of();
    }

    /**
     * Restores the state returned by {@link #state()}.
     *
     * @param state the saved arrays, keyed as produced by {@link #state()}
     */
    default void restoreState(Map<String, float[]> state) {
        // stateless by default
    }

    /** A one-line description of the model and its estimator, recorded in every result row. */
    String describe();
}
