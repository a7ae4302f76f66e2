package org.plasticity.train.listeners;

import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Stops training when validation accuracy has not improved for {@code patience} epochs (the
 * LocalCA backprop ceilings use patience 20). Report the best-validation epoch with
 * {@link org.plasticity.train.TrainingRun#bestByValidation()}.
 */
public final class EarlyStopping implements TrainingListener {

    private final int patience;

    /**
     * @param patience epochs without improvement before stopping (≥ 1)
     */
    public EarlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be ≥ 1 epoch, got " + patience);
        }
        this.patience = patience;
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        for (EpochMetrics m : session.history()) {
            if (m.validationAccuracy() > best) {
                best = m.validationAccuracy();
                bestEpoch = m.epoch();
            }
        }
        // derived from the history alone, so a resumed run stops exactly where the uninterrupted one would
        if (bestEpoch > 0 && metrics.epoch() - bestEpoch >= patience) {
            session.requestStop();
        }
    }

    @Override
    public String toString() {
        return "EarlyStopping[patience " + patience + "]";
    }
}
