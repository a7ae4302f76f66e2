package org.plasticity.localca;

import org.plasticity.train.Learner;
import org.plasticity.train.optim.OptimizerSpec;

/** A LocalCA learner that also knows the optimizer its paper settings call for. */
public interface LocalCaLearner extends Learner {

    /** The optimizer (Adam with per-group rates via {@code Parameter.lrScale}, clip by value 5). */
    OptimizerSpec optimizer();
}
