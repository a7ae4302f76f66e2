package org.plasticity.train;

/**
 * The handle through which an online learner applies an update inside a batch ({@link StepContext#applyUpdate()}).
 * The {@link Trainer} provides one per batch; see its documentation for what an update does.
 */
@FunctionalInterface
public interface UpdateSink {

    /** A context without a trainer: applying an update is an error. */
    UpdateSink NONE = () -> {
        throw new IllegalStateException("this StepContext has no optimizer attached (it was made outside a Trainer):"
                + " give it one with StepContext.withUpdates(...), or train through Trainer.fit");
    };

    /** Applies the optimizer to the current gradient slots and zeroes them. */
    void applyUpdate();
}
