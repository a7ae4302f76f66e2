package org.plasticity.train;

import java.util.SplittableRandom;

/**
 * Where the trainer is when it asks a learner for one step: epoch, batch index within the epoch,
 * global step, a random stream derived only from {@code (seed, epoch, batch)} so that a
 * resumed run draws exactly the same numbers (e.g. the random sign of β in EP), and the handle
 * for online updates ({@link #applyUpdate()}).
 *
 * @param epoch zero-based epoch
 * @param batch zero-based batch index within the epoch
 * @param globalStep batches seen since the start of training
 * @param epochs total epochs planned
 * @param rng the batch's private random stream
 * @param updates applies an update inside the batch ({@link UpdateSink#NONE} outside a trainer)
 */
public record StepContext(int epoch, int batch, long globalStep, int epochs, SplittableRandom rng,
        UpdateSink updates) {

    /** Validates. */
    public StepContext {
        if (updates == null) {
            updates = UpdateSink.NONE;
        }
    }

    /**
     * A context without an optimizer attached (tests, probes): {@link #applyUpdate()} is an error.
     *
     * @param epoch zero-based epoch
     * @param batch zero-based batch index
     * @param globalStep batches seen so far
     * @param epochs planned epochs
     * @param rng the batch's random stream
     */
    public StepContext(int epoch, int batch, long globalStep, int epochs, SplittableRandom rng) {
        this(epoch, batch, globalStep, epochs, rng, UpdateSink.NONE);
    }

    /**
     * Online learners: applies the trainer's optimizer to the gradient slots as they are now and zeroes them
     * (schedule rate of this epoch, the optimizer's clipping, one optimizer step counted). A learner that calls this
     * during a batch owns all of the batch's updates: call it after the last time step too; the trainer then does not
     * step at the batch's end, and fails if gradient is left in the slots.
     *
     * @throws IllegalStateException outside a trainer, or when the gradient is not finite
     */
    public void applyUpdate() {
        updates.applyUpdate();
    }

    /** A copy with another update handle. */
    public StepContext withUpdates(UpdateSink sink) {
        return new StepContext(epoch, batch, globalStep, epochs, rng, sink);
    }

    @Override
    public String toString() {
        return "StepContext[epoch=" + epoch + ", batch=" + batch + ", step=" + globalStep + "]";
    }
}
