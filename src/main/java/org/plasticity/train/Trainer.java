package org.plasticity.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.random.Seeds;
import org.plasticity.train.listeners.CheckpointListener;
import org.plasticity.train.listeners.DivergenceGuard;
import org.plasticity.train.listeners.NanGuard;
import org.plasticity.train.listeners.ProgressListener;
import org.plasticity.train.optim.Optimizer;
import org.plasticity.train.optim.OptimizerSpec;

/**
 * The one training loop of the project. Immutable: every fluent call returns a new trainer.
 *
 * <pre>{@code
 * TrainingRun run = Trainer.create()
 *         .epochs(10).batchSize(50).seed(1)
 *         .optimizer(Sgd.of(0.1).withMomentum(0.9))
 *         .checkpointDir(Path.of("runs/mnist-ep"))   // resumes if a checkpoint is there
 *         .fit(model, splits);
 * }</pre>
 *
 * <p>Per batch: zero gradient slots, {@link Learner#computeGradients}, listeners'
 * {@code onBatchEnd} (the NaN and divergence guards run here), {@link Optimizer#step}. Per epoch: evaluate
 * validation and test, listeners' {@code onEpochEnd} (checkpointing runs here). All randomness
 * is derived from {@code (seed, epoch, batch)} via {@link Seeds}, so a resumed run continues
 * exactly as an uninterrupted one would. An interrupted thread (a notebook's interrupt button)
 * stops between batches with a {@link java.util.concurrent.CancellationException}; the checkpoint,
 * written atomically after each epoch, keeps the last finished epoch.
 *
 * <p><b>Online updates.</b> A learner may apply updates inside a batch by calling {@link StepContext#applyUpdate()}
 * (e.g. at every time step). Each call checks that the slots are finite, runs {@link Optimizer#step} on them with the
 * current epoch (so a schedule gives the epoch's rate; the optimizer's clipping and its step count, e.g. Adam's bias
 * correction, apply per call, exactly as for a batch update) and zeroes them. If a learner applied at least one update
 * during a batch, the trainer does not step at the batch's end, and it fails when gradient was left in the slots after
 * the last update (an update would otherwise be lost). {@link TrainingSession#updates()} counts optimizer steps of
 * either kind; {@link TrainingSession#globalStep()} counts batches.
 */
public final class Trainer {

    private final TrainerConfig config;
    private final List<TrainingListener> listeners;
    private final Path checkpointDir;
    private final boolean progress;
    private final DivergenceGuard guard;

    private Trainer(TrainerConfig config, List<TrainingListener> listeners, Path checkpointDir, boolean progress,
            DivergenceGuard guard) {
        this.config = config;
        this.guard = guard;
        this.listeners = List.copyOf(listeners);
        this.checkpointDir = checkpointDir;
        this.progress = progress;
    }

    /** A trainer with {@link TrainerConfig#defaults()}, live progress on, no checkpoints. */
    public static Trainer create() {
        return new Trainer(TrainerConfig.defaults(), List.of(), null, true, DivergenceGuard.defaults());
    }

    /** A trainer with the given configuration. */
    public static Trainer of(TrainerConfig config) {
        return new Trainer(config, List.of(), null, true, DivergenceGuard.defaults());
    }

    /** The configuration. */
    public TrainerConfig config() {
        return config;
    }

    /** Number of epochs. */
    public Trainer epochs(int n) {
        return with(config.withEpochs(n));
    }

    /** Training mini-batch size. */
    public Trainer batchSize(int n) {
        return with(config.withBatchSize(n));
    }

    /** Evaluation batch size. */
    public Trainer evalBatchSize(int n) {
        return with(config.withEvalBatchSize(n));
    }

    /** Root seed. */
    public Trainer seed(long seed) {
        return with(config.withSeed(seed));
    }

    /** Optimizer specification. */
    public Trainer optimizer(OptimizerSpec spec) {
        return with(config.withOptimizer(spec));
    }

    /** Cap on training batches per epoch (smoke runs); 0 = all. */
    public Trainer maxBatchesPerEpoch(int n) {
        return with(config.withMaxBatchesPerEpoch(n));
    }

    /** Adds a listener. */
    public Trainer listener(TrainingListener l) {
        List<TrainingListener> ls = new ArrayList<>(listeners);
        ls.add(l);
        return new Trainer(config, ls, checkpointDir, progress, guard);
    }

    /**
     * Checkpoint after every epoch into {@code dir}, and resume from it when a checkpoint of the
     * same configuration is already there.
     */
    public Trainer checkpointDir(Path dir) {
        return new Trainer(config, listeners, dir, progress, guard);
    }

    /**
     * The divergence / saturation / no-progress checks of every run ({@link DivergenceGuard#defaults()} unless set;
     * {@link DivergenceGuard#off()} switches them off).
     */
    public Trainer divergenceGuard(DivergenceGuard g) {
        return new Trainer(config, listeners, checkpointDir, progress, java.util.Objects.requireNonNull(g, "guard"));
    }

    /** Turns the live progress display off (on by default). */
    public Trainer quiet() {
        return new Trainer(config, listeners, checkpointDir, false, guard);
    }

    private Trainer with(TrainerConfig c) {
        return new Trainer(c, listeners, checkpointDir, progress, guard);
    }

    /**
     * Trains {@code learner} on {@code data}.
     *
     * @param learner the model and its update rule
     * @param data train / validation / test splits
     * @return the finished run: history, final metrics, configuration and seed
     * @throws DivergenceException when a loss or parameter becomes non-finite, or the {@link DivergenceGuard} sees
     *     runaway parameters, saturated outputs or no progress
     * @throws IllegalStateException when the checkpoint directory holds a different configuration
     */
    public TrainingRun fit(Learner learner, Splits data) {
        Optimizer optimizer = config.optimizer().create();
        String name = data.name() + " · " + learner.describe();
        TrainingSession probe = new TrainingSession(name, config, learner, optimizer, null, data.identity());
        Checkpoint resumed = null;
        Path ckFile = checkpointDir == null ? null : checkpointDir.resolve(Checkpoint.FILE_NAME);
        if (ckFile != null && Files.exists(ckFile)) {
            resumed = Checkpoint.load(ckFile);
            // a v1 checkpoint predates the data identity in the fingerprint: its configuration part must match
            boolean legacy = resumed.isLegacyFormat()
                    && probe.fingerprint().startsWith(resumed.fingerprint() + " | data=");
            if (legacy) {
                System.err.println("note: " + ckFile + " has checkpoint format v1, which did not record the data's"
                        + " identity; resuming it on " + data.name() + " as given");
            }
            if (!legacy && !resumed.fingerprint().equals(probe.fingerprint())) {
                throw new IllegalStateException("checkpoint " + ckFile + " was written by another configuration:\n  saved:   "
                        + resumed.fingerprint() + "\n  current: " + probe.fingerprint()
                        + "\nUse another checkpoint directory, or delete it to start over.");
            }
            restore(learner, optimizer, resumed);
        }
        TrainingSession session = new TrainingSession(name, config, learner, optimizer, resumed, data.identity());
        List<TrainingListener> all = new ArrayList<>();
        all.add(new NanGuard());
        all.add(guard.forRun());
        if (progress) {
            all.add(new ProgressListener());
        }
        all.addAll(listeners);
        if (ckFile != null) {
            all.add(new CheckpointListener(ckFile));
        }
        all.forEach(l -> l.onTrainingBegin(session));
        List<Parameter> params = learner.parameters();
        for (int epoch = session.epochsDone(); epoch < config.epochs() && !session.stopRequested(); epoch++) {
            long t0 = System.nanoTime();
            Dataset train = data.train().forEpoch(epoch, config.seed());
            int nb = (int) ((train.size() + (long) config.batchSize() - 1) / config.batchSize());
            session.batchesPerEpoch(config.maxBatchesPerEpoch() > 0 ? Math.min(nb, config.maxBatchesPerEpoch()) : nb);
            BatchStats trainStats = BatchStats.EMPTY;
            int b = 0;
            for (Batch batch : train.batches(config.batchSize(), Seeds.derive(config.seed(), Seeds.SHUFFLE, epoch))) {
                if (config.maxBatchesPerEpoch() > 0 && b >= config.maxBatchesPerEpoch()) {
                    break;
                }
                if (Thread.currentThread().isInterrupted()) { // a notebook's interrupt: stop between batches
                    throw new java.util.concurrent.CancellationException("training interrupted in epoch " + (epoch + 1)
                            + " after " + session.epochsDone() + " finished epoch(s)"
                            + (ckFile == null ? "" : "; the checkpoint in " + checkpointDir + " holds the last one"));
                }
                for (Parameter p : params) {
                    p.zeroGrad();
                }
                OnlineUpdates online = new OnlineUpdates(session, optimizer, params, epoch);
                StepContext ctx = new StepContext(epoch, b, session.globalStep(), config.epochs(),
                        Seeds.stream(config.seed(), Seeds.STEP, epoch, b), online);
                online.ctx = ctx;
                BatchStats s = learner.computeGradients(batch, ctx);
                for (TrainingListener l : all) {
                    l.onBatchEnd(session, ctx, s);
                }
                if (online.count == 0) {
                    optimizer.step(params, epoch);
                    session.updateDone();
                } else {
                    online.requireEmptySlots();
                }
                trainStats = trainStats.plus(s);
                session.stepDone();
                b++;
            }
            BatchStats val = evaluate(learner, data.validation());
            boolean last = epoch == config.epochs() - 1;
            BatchStats test = config.evaluateTestEveryEpoch() || last ? evaluate(learner, data.test()) : BatchStats.EMPTY;
            EpochMetrics m = EpochMetrics.of(epoch + 1, trainStats, val, test, (System.nanoTime() - t0) / 1e9);
            session.epochDone(m);
            for (TrainingListener l : all) {
                l.onEpochEnd(session, m);
            }
        }
        TrainingRun run = new TrainingRun(data.name(), learner.describe(), config, session.history(),
                session.resumedAtEpoch(), session.elapsedSeconds());
        all.forEach(l -> l.onTrainingEnd(session, run));
        return run;
    }

    /**
     * Evaluates a learner on a whole data set.
     *
     * @param learner the model
     * @param data the samples (may be empty)
     * @return summed loss, correct count and sample count
     */
    public BatchStats evaluate(Learner learner, Dataset data) {
        BatchStats total = BatchStats.EMPTY;
        if (data.size() == 0) {
            return total;
        }
        for (Batch batch : data.batchesInOrder(config.evalBatchSize())) {
            total = total.plus(learner.evaluate(batch));
        }
        return total;
    }

    /** The update handle of one batch: optimizer steps inside the batch, for online learners. */
    private static final class OnlineUpdates implements UpdateSink {
        private final TrainingSession session;
        private final Optimizer optimizer;
        private final List<Parameter> params;
        private final int epoch;
        private StepContext ctx;
        private int count;

        OnlineUpdates(TrainingSession session, Optimizer optimizer, List<Parameter> params, int epoch) {
            this.session = session;
            this.optimizer = optimizer;
            this.params = params;
            this.epoch = epoch;
        }

        @Override
        public void applyUpdate() {
            NanGuard.checkGradients(session, ctx, params);
            optimizer.step(params, epoch);
            for (Parameter p : params) {
                p.zeroGrad();
            }
            count++;
            session.updateDone();
        }

        void requireEmptySlots() {
            for (Parameter p : params) {
                for (float g : p.grad()) {
                    if (g != 0) {
                        throw new IllegalStateException(session.learner().describe() + " applied " + count
                                + " online update(s) in batch " + ctx.batch() + " of epoch " + (ctx.epoch() + 1)
                                + " but left gradient in parameter " + p.name() + " after the last one: call"
                                + " ctx.applyUpdate() after the last time step too (the trainer does not step after a"
                                + " batch that updated online)");
                    }
                }
            }
        }
    }

    private static void restore(Learner learner, Optimizer optimizer, Checkpoint ck) {
        for (Parameter p : learner.parameters()) {
            float[] saved = ck.parameters().get(p.name());
            if (saved == null || saved.length != p.size()) {
                throw new IllegalStateException("checkpoint has no parameter " + p.name() + " of size " + p.size()
                        + "; delete the checkpoint directory to start over");
            }
            System.arraycopy(saved, 0, p.value(), 0, saved.length);
        }
        learner.restoreState(ck.learnerState());
        optimizer.restoreState(ck.optimizerState());
    }

    @Override
    public String toString() {
        return "Trainer[" + config + (checkpointDir == null ? "" : ", checkpoints=" + checkpointDir) + "]";
    }
}
