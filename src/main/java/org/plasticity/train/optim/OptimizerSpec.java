package org.plasticity.train.optim;

/**
 * An immutable optimizer configuration ({@link Sgd}, {@link Adam}); {@link #create()} makes a
 * fresh stateful {@link Optimizer} for one run.
 */
public interface OptimizerSpec {

    /** A fresh optimizer with empty state. */
    Optimizer create();

    /** The base learning rate (before layer scales and schedule). */
    double learningRate();
}
