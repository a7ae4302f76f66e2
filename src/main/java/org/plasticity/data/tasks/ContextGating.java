package org.plasticity.data.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.DataProvenance;
import org.plasticity.data.DataSource;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.random.Seeds;

/**
 * The LocalCA "context gating" figure–ground task (spec localca-gle.md §1.4, from the authors'
 * {@code ContextualFigureGroundMNIST}): a 28×28 MNIST digit whose left half (columns 0–13) is
 * replaced by i.i.d. uniform noise U[0, 0.1) and whose right half (columns 14–27) is the digit,
 * pixels in [0, 1] (our fix of the original's 0–255 digit scale). Label = digit class.
 *
 * <p>Samples: a seeded random 8,000 / 1,000 / 1,000 split of the MNIST <em>train</em> set. The
 * training noise is redrawn every epoch ({@link #forEpoch(int, long)}, derived from the run seed
 * and the epoch); validation and test noise is drawn once from the task seed, so evaluation is
 * deterministic (the original redraws it on every access; a documented deviation).
 *
 * <p>{@link Variant#RULE} is <b>our extension</b> for the revised paper's wording
 * ("context-dependent category boundaries"): a per-sample context bit sets the noise level
 * (bit 0: U[0, 0.1), bit 1: U[0.1, 0.2)) and selects the label map (bit 0: digit, bit 1: digit
 * parity, i.e. class {@code d mod 2}). The bit is redrawn with the noise.
 */
public final class ContextGating implements DataSource {

    /** Training samples. */
    public static final int TRAIN_SIZE = 8000;
    /** Validation samples. */
    public static final int VALID_SIZE = 1000;
    /** Test samples. */
    public static final int TEST_SIZE = 1000;
    /** Exclusive upper bound of the noise: U[0, 0.1). */
    public static final float NOISE_MAX = 0.1f;
    /** Columns {@code [0, NOISE_COLUMNS)} of each row carry noise. */
    public static final int NOISE_COLUMNS = 14;

    /** Which labelling rule. */
    public enum Variant {
        /** The paper's code: label = digit. */
        FIGURE_GROUND,
        /** Our extension: the noise level is a context bit that selects digit or digit-parity labels. */
        RULE
    }

    private static final long TAG = 0xC6;
    private final Dataset digits;
    private final Variant variant;
    private final String name;

    private ContextGating(Dataset digits, Variant variant, String name) {
        this.digits = digits;
        this.variant = variant;
        this.name = name;
    }

    /**
     * Builds the task's splits from the MNIST training set.
     *
     * @param mnistTrain the 60k MNIST training images ({@code {1,28,28}}, pixels in [0,1])
     * @param seed the task seed (choice of the 10,000 digits and the validation/test noise)
     * @param variant figure–ground (the paper's) or the rule variant (our extension)
     * @return splits named {@code context-gating} (or {@code context-gating-rule})
     */
    public static Splits of(Dataset mnistTrain, long seed, Variant variant) {
        int[] shape = mnistTrain.sampleShape();
        if (mnistTrain.featureCount() != 784 || shape[shape.length - 1] != 28) {
            throw new IllegalArgumentException("context gating needs 28×28 MNIST images, got " + Arrays.toString(shape));
        }
        int need = TRAIN_SIZE + VALID_SIZE + TEST_SIZE;
        if (mnistTrain.size() < need) {
            throw new IllegalArgumentException("context gating needs " + need + " MNIST train images, got " + mnistTrain.size());
        }
        String name = variant == Variant.RULE ? "context-gating-rule" : "context-gating";
        int[] perm = Dataset.permutation(mnistTrain.size(), Seeds.stream(seed, Seeds.DATA, TAG, 0));
        Dataset train = mnistTrain.subset(name + "/digits", Arrays.copyOfRange(perm, 0, TRAIN_SIZE));
        Dataset valid = mnistTrain.subset(name + "/valid-digits", Arrays.copyOfRange(perm, TRAIN_SIZE, TRAIN_SIZE + VALID_SIZE));
        Dataset test = mnistTrain.subset(name + "/test-digits", Arrays.copyOfRange(perm, TRAIN_SIZE + VALID_SIZE, need));
        ContextGating source = new ContextGating(train, variant, name);
        Dataset v = new ContextGating(valid, variant, name).draw(name + "/validation", Seeds.stream(seed, Seeds.DATA, TAG, 1));
        Dataset t = new ContextGating(test, variant, name).draw(name + "/test", Seeds.stream(seed, Seeds.DATA, TAG, 2));
        String config = String.format(Locale.ROOT, "%s seed=%d sizes=%d/%d/%d noise=U[0,%.2f) columns=0-%d", name, seed,
                TRAIN_SIZE, VALID_SIZE, TEST_SIZE, NOISE_MAX, NOISE_COLUMNS - 1);
        DataProvenance p = DataProvenance.generated(name, config, variant == Variant.FIGURE_GROUND,
                "random 8000/1000/1000 of MNIST train, seed " + seed + "; left half noise redrawn per epoch"
                        + (variant == Variant.RULE ? "; RULE variant is our extension" : ""));
        return new Splits(name, source, v, t, p);
    }

    @Override
    public Dataset forEpoch(int epoch, long seed) {
        return draw(name + "/train", Seeds.stream(seed, Seeds.DATA, TAG, 3, epoch));
    }

    /** The underlying clean digits (before the noise half is applied). */
    public Dataset digits() {
        return digits;
    }

    private Dataset draw(String setName, SplittableRandom rng) {
        float[] src = digits.features();
        float[] x = src.clone();
        int[] y = digits.labels().clone();
        int n = digits.size();
        for (int i = 0; i < n; i++) {
            float offset = 0f;
            if (variant == Variant.RULE && rng.nextBoolean()) {
                offset = NOISE_MAX;
                y[i] = y[i] % 2;
            }
            int base = i * 784;
            for (int r = 0; r < 28; r++) {
                int row = base + r * 28;
                for (int c = 0; c < NOISE_COLUMNS; c++) {
                    x[row + c] = uniform(rng, offset, offset + NOISE_MAX);
                }
            }
        }
        return new Dataset(setName, x, y, digits.sampleShape(), 10);
    }

    /** A float uniform in {@code [lo, hi)}, never equal to {@code hi}. */
    static float uniform(SplittableRandom rng, float lo, float hi) {
        float v = lo + (hi - lo) * (rng.nextInt(1 << 24) * 0x1.0p-24f);
        return v < hi ? v : Math.nextDown(hi);
    }

    @Override
    public String toString() {
        return "ContextGating[" + name + ", " + digits.size() + " digits, noise redrawn per epoch]";
    }
}
