package org.plasticity.experiment;

import org.plasticity.results.RunRecord;
import org.plasticity.results.Status;

/**
 * The rules every family's experiments follow (see also {@link org.plasticity.results.Profile} for the
 * smoke policy and the package documentation for all four in one place).
 *
 * <ul>
 *   <li><b>Reported metric</b> ({@link #reported}): the test accuracy at the epoch of best validation
 *       accuracy (the earliest such epoch, as a keep-best checkpoint would); when the data has no
 *       validation split, the test accuracy after the last epoch (never a model selected on the test
 *       set).</li>
 *   <li><b>Tolerance</b> ({@link #status}): {@code reproduced} when |ours − paper| ≤ max(2 × paper std,
 *       the claim's stated margin); else {@code below} or {@code above}; {@code stand-in} when the paper
 *       gives no figure.</li>
 *   <li><b>Seeds</b> ({@link #DEFAULT_SEEDS}): a recipe's seeds are 1, 2, 3, 4, 5 unless it declares the
 *       seeds of its committed runs (LocalCA's 42–46, EP's 1–3); a run of n seeds takes the first n and
 *       continues after the last one when n is larger; stored runs keep their seeds.</li>
 * </ul>
 */
public final class Rules {

    /** Source name of the reported accuracy in a {@link Claim}. */
    public static final String REPORTED = "reported";
    /** Seeds of a recipe that declares none. */
    static final long[] DEFAULT_SEEDS = {1, 2, 3, 4, 5};
    /** Seeds run by default in the full profile when the recipe says nothing else. */
    public static final int DEFAULT_SEED_COUNT = 3;

    private Rules() {
    }

    /** The default seed list (a copy). */
    public static long[] defaultSeeds() {
        return DEFAULT_SEEDS.clone();
    }

    /**
     * The reported accuracy of one run: {@code best_val_test_accuracy} when the run had a validation
     * split, else {@code test_accuracy} (last epoch).
     *
     * @param r a run record
     * @return the value
     */
    public static double reported(RunRecord r) {
        Double v = r.metrics().get("best_val_test_accuracy");
        return v != null ? v : r.metric("test_accuracy");
    }

    /**
     * The value of a claim's source metric in one record.
     *
     * @param r the record
     * @param source {@link #REPORTED} or a record metric name
     * @return the value
     */
    public static double value(RunRecord r, String source) {
        return REPORTED.equals(source) ? reported(r) : r.metric(source);
    }

    /** The absolute tolerance of a claim: max(2 × paper std, margin); the margin alone without a std. */
    public static double tolerance(Claim c) {
        return Double.isNaN(c.paperStd()) ? c.margin() : Math.max(2 * c.paperStd(), c.margin());
    }

    /**
     * The status of our mean against a claim.
     *
     * @param ours our mean over seeds
     * @param c the claim
     * @return reproduced / below / above, or stand-in when the paper gives no figure
     */
    public static Status status(double ours, Claim c) {
        return c.hasPaperValue() ? Status.compare(ours, c.paperValue(), tolerance(c)) : Status.STAND_IN;
    }
}
