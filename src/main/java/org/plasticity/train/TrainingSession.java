package org.plasticity.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.train.optim.Optimizer;

/**
 * The live state of one {@link Trainer#fit} call, as seen by listeners: configuration, learner,
 * history so far, and the ability to checkpoint or stop.
 */
public final class TrainingSession {

    private final String name;
    private final TrainerConfig config;
    private final Learner learner;
    private final Optimizer optimizer;
    private final List<EpochMetrics> history = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private int epochsDone;
    private long globalStep;
    private long updates;
    private int batchesPerEpoch;
    private boolean stopRequested;
    private final int resumedAtEpoch;
    private final String dataIdentity;

    TrainingSession(String name, TrainerConfig config, Learner learner, Optimizer optimizer, Checkpoint resumed,
            String dataIdentity) {
        this.name = name;
        this.dataIdentity = dataIdentity;
        this.config = config;
        this.learner = learner;
        this.optimizer = optimizer;
        if (resumed != null) {
            history.addAll(resumed.history());
            epochsDone = resumed.epochsDone();
            globalStep = resumed.globalStep();
        }
        this.resumedAtEpoch = epochsDone;
    }

    /** The run's display name (data set and model). */
    public String name() {
        return name;
    }

    /** The trainer configuration. */
    public TrainerConfig config() {
        return config;
    }

    /** The model being trained. */
    public Learner learner() {
        return learner;
    }

    /** Metrics of completed epochs (read-only view). */
    public List<EpochMetrics> history() {
        return Collections.unmodifiableList(history);
    }

    /** Completed epochs. */
    public int epochsDone() {
        return epochsDone;
    }

    /** Batches trained so far. */
    public long globalStep() {
        return globalStep;
    }

    /** Optimizer steps applied in this process (one per batch, or each online update). */
    public long updates() {
        return updates;
    }

    /** Batches per epoch (known after the first batch iteration starts). */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The epoch this session started at (0, or the resumed epoch). */
    public int resumedAtEpoch() {
        return resumedAtEpoch;
    }

    /** Seconds since this session started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Asks the trainer to stop after the current epoch (early stopping). */
    public void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void batchesPerEpoch(int n) {
        batchesPerEpoch = n;
    }

    void updateDone() {
        updates++;
    }

    void stepDone() {
        globalStep++;
    }

    void epochDone(EpochMetrics m) {
        history.add(m);
        epochsDone = m.epoch();
    }

    /**
     * The fingerprint a checkpoint must match to be resumed by this configuration: the learner, the
     * trainer configuration and the data's identity ({@code Splits.identity()}: name, split sizes,
     * checksums).
     */
    public String fingerprint() {
        TrainerConfig c = config;
        return learner.describe() + " | epochs=" + c.epochs() + " batch=" + c.batchSize() + " seed=" + c.seed()
                + " optimizer=" + c.optimizer() + " maxBatches=" + c.maxBatchesPerEpoch() + " | data=" + dataIdentity;
    }

    /** A snapshot of everything needed to resume after the completed epochs. */
    public Checkpoint snapshot() {
        Map<String, float[]> params = new LinkedHashMap<>();
        for (Parameter p : learner.parameters()) {
            params.put(p.name(), p.value().clone());
        }
        return new Checkpoint(fingerprint(), epochsDone, globalStep, List.copyOf(history), params, learner.state(),
                optimizer.state());
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param file target file
     */
    public void saveCheckpoint(Path file) {
        snapshot().save(file);
    }

    @Override
    public String toString() {
        return "TrainingSession[" + name + ", epoch " + epochsDone + "/" + config.epochs() + "]";
    }
}
