package org.plasticity.data;

import java.util.Objects;
import org.plasticity.display.Displayable;
import org.plasticity.random.Seeds;

/**
 * The train / validation / test partition of one task. {@code validation} may be empty-sized but
 * never null; {@code train} is a {@link DataSource} because some tasks redraw samples per epoch.
 *
 * <p>Typical use: {@code Datasets.mnist().withValidation(0.2, 1)} gives the 48k / 12k / 10k split
 * of the LocalCA paper; {@code .limit(1000, 500)} makes a smoke-test profile.
 *
 * @param name task name used in result rows (e.g. {@code mnist}, {@code context-gating})
 * @param train training data
 * @param validation validation set (model selection)
 * @param test test set (reported numbers)
 * @param provenance where the data came from (data set id, checksum, split description)
 */
public record Splits(String name, DataSource train, Dataset validation, Dataset test, DataProvenance provenance)
        implements Displayable {

    /** Validates non-null parts. */
    public Splits {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Splits whose origin is not recorded (hand-built data). */
    public Splits(String name, DataSource train, Dataset validation, Dataset test) {
        this(name, train, validation, test, DataProvenance.unknown(name));
    }

    /**
     * Moves a seeded, stratified fraction of the training set into the validation set (replacing
     * the current validation set). {@code withValidation(0.2, seed)} on MNIST gives 48,000 / 12,000.
     *
     * @param fraction share of the training samples to hold out, in [0, 1)
     * @param seed split seed (the same seed always gives the same split)
     * @return the new splits; the test set is unchanged
     * @throws IllegalStateException if the training data is redrawn per epoch
     */
    public Splits withValidation(double fraction, long seed) {
        Dataset all = fixedTrain("withValidation");
        int held = StratifiedSplit.countFor(fraction, all.size());
        StratifiedSplit s = StratifiedSplit.of(all.labels(), all.classCount(), held, Seeds.stream(seed, Seeds.DATA, 1));
        Dataset tr = all.subset(all.name(), s.kept());
        Dataset va = all.subset(name + "/validation", s.heldOut());
        return new Splits(name, tr, va, test, provenance.withNote("validation = stratified " + fraction
                + " of train (" + held + " samples, seed " + seed + ")"));
    }

    /**
     * A smaller copy for quick runs: the first {@code trainN} training samples, and at most
     * {@code testN} validation and test samples. Never use it for a reported number.
     *
     * @param trainN maximum training samples (per epoch, for redrawn sources)
     * @param testN maximum validation and test samples
     * @return the limited splits, marked as non-standard in the provenance
     */
    public Splits limit(int trainN, int testN) {
        if (trainN < 1 || testN < 1) {
            throw new IllegalArgumentException("limits must be ≥ 1, got train " + trainN + ", test " + testN);
        }
        DataSource tr = train instanceof Dataset d ? d.head(trainN) : (epoch, seed) -> train.forEpoch(epoch, seed).head(trainN);
        return new Splits(name, tr, validation.head(testN), test.head(testN),
                provenance.nonStandard().withNote("limited to " + trainN + " train / " + testN + " test samples"));
    }

    /**
     * The training samples as a data set: the training set itself, or the epoch-0 draw (run seed
     * {@link Seeds#DEFAULT}) for tasks that redraw samples per epoch.
     */
    public Dataset trainSet() {
        return train instanceof Dataset d ? d : train.forEpoch(0, Seeds.DEFAULT);
    }

    /**
     * Standardises all three parts with statistics fitted on the training set only.
     *
     * @param normalization the kind of standardisation
     * @return the normalised splits
     */
    public Splits normalized(Normalization normalization) {
        Normalization.Fitted fit = normalization.fit(trainSet());
        DataSource tr = train instanceof Dataset d ? fit.apply(d) : (epoch, seed) -> fit.apply(train.forEpoch(epoch, seed));
        return new Splits(name, tr, fit.apply(validation), fit.apply(test), provenance.withNote("normalised: " + fit));
    }

    private Dataset fixedTrain(String op) {
        if (train instanceof Dataset d) {
            return d;
        }
        throw new IllegalStateException(name + ": " + op + " needs a fixed training set, but this task redraws its "
                + "training samples every epoch; split before building the task");
    }

    /**
     * The identity of this data for checkpoint fingerprints and run records: name, split sizes,
     * the input's checksum and how the splits were made. Two splits with the same identity hold the
     * same samples; a checkpoint trained on one is never resumed on another. Data of unknown origin
     * (built in memory) is identified by a SHA-256 of its samples, labels and float targets instead.
     */
    public String identity() {
        String tr = train instanceof Dataset d ? String.valueOf(d.size()) : "redrawn";
        String sum = !provenance.checksum().isEmpty() ? provenance.checksum()
                : train instanceof Dataset d ? "content:" + contentSha256(d, validation, test) : "unknown";
        return name + " train=" + tr + " validation=" + validation.size() + " test=" + test.size() + " sha256=" + sum
                + " (" + provenance.description() + ")";
    }

    private static String contentSha256(Dataset... parts) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
            for (Dataset d : parts) {
                for (float f : d.features()) {
                    if (buf.remaining() < 4) {
                        md.update(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(f);
                }
                for (int y : d.labels()) {
                    if (buf.remaining() < 4) {
                        md.update(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putInt(y);
                }
                for (float t : d.targets() == null ? new float[0] : d.targets()) {
                    if (buf.remaining() < 4) {
                        md.update(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(t);
                }
            }
            md.update(buf.array(), 0, buf.position());
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    @Override
    public String toHtml() {
        return DatasetHtml.splits(this);
    }

    @Override
    public String toString() {
        return "Splits[" + name + ": train=" + trainSet().size() + ", validation=" + validation.size() + ", test="
                + test.size() + (provenance.standardSplit() ? "" : ", non-standard") + "]";
    }
}
