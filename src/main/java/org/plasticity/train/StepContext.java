package org.plasticity.train;

import java.util.SplittableRandom;

/**
 * Where the trainer is when it asks a learner for one step: epoch, batch index within the epoch,
 * global step, and a random stream derived only from {@code (seed, epoch, batch)} so that a
 * resumed run draws exactly the same numbers (e.g. the random sign of β in EP).
 *
 * @param epoch zero-based epoch
 * @param batch zero-based batch index within the epoch
 * @param globalStep batches seen since the start of training
 * @param epochs total epochs planned
 * @param rng the batch's private random stream
 */
public record StepContext(int epoch, int batch, long globalStep, int epochs, SplittableRandom rng) {

    @Override
    public String toString() {
        return "StepContext[epoch=" + epoch + ", batch=" + batch + ", step=" + globalStep + "]";
    }
}
