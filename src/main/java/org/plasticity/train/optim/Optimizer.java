package org.plasticity.train.optim;

import java.util.List;
import org.plasticity.train.LearnerState;
import org.plasticity.train.Parameter;

/**
 * A stateful optimizer instance for one run, created from an immutable {@link OptimizerSpec}.
 * It reads each parameter's gradient slot and updates the value in place.
 */
public interface Optimizer {

    /**
     * Applies one update to every parameter.
     *
     * @param parameters the model's parameters (same list, same order, every call)
     * @param epoch zero-based epoch, for the learning-rate schedule
     */
    void step(List<Parameter> parameters, int epoch);

    /** Internal state (moments keyed by parameter name, step counts as longs), for checkpoints. */
    LearnerState state();

    /**
     * Restores {@link #state()}.
     *
     * @param state saved entries
     */
    void restoreState(LearnerState state);
}
