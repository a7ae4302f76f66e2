package org.plasticity.train.optim;

import java.util.List;
import java.util.Map;
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

    /** Internal state (moments, step counts) keyed by parameter name, for checkpoints. */
    Map<String, float[]> state();

    /**
     * Restores {@link #state()}.
     *
     * @param state saved arrays
     */
    void restoreState(Map<String, float[]> state);
}
