package org.plasticity.ep.dendritic;

import java.util.Locale;
import org.plasticity.experiment.sweep.Compare;
import org.plasticity.experiment.sweep.TTest;
import org.plasticity.results.Stats;

/**
 * The verdict on one of the abstract's claims from seed-matched accuracy differences Δ = A − B (reported test accuracy)
 * and their paired t-test, at level α = 0.05:
 * <ul>
 *   <li>{@link Kind#BETTER} ("significantly better"): supported when Δ &gt; 0 and p &lt; α; not supported when Δ ≤ 0
 *       and p &lt; α, or when the 95 % CI of Δ lies inside ±{@link Kind#margin()} (no effect of that size);
 *       otherwise inconclusive at our budget;</li>
 *   <li>{@link Kind#COMPARABLE} ("≈"): supported when the 95 % CI of Δ lies inside ±margin; not supported when
 *       p &lt; α and |Δ| &gt; margin; otherwise inconclusive;</li>
 *   <li>{@link Kind#APPROACHES} ("approaches BPTT"): supported when the CI's lower end is above −margin; not
 *       supported when p &lt; α and Δ &lt; −margin; otherwise inconclusive.</li>
 * </ul>
 * Fewer than two seeds (or no spread): inconclusive.
 *
 * @param verdict supported / not supported / inconclusive at our budget
 * @param mean mean Δ
 * @param ci95 half-width of its 95 % t interval (NaN for fewer than 2 seeds)
 * @param p the paired test's two-sided p (NaN without a test)
 * @param seeds shared seeds
 */
public record ClaimVerdict(String verdict, double mean, double ci95, double p, int seeds) {

    /** Supported. */
    public static final String SUPPORTED = "supported";
    /** Not supported. */
    public static final String NOT_SUPPORTED = "not supported";
    /** Inconclusive. */
    public static final String INCONCLUSIVE = "inconclusive at our budget";
    /** Test level. */
    public static final double ALPHA = 0.05;

    /** The claim's form. */
    public enum Kind {
        /** "A significantly outperforms B". */
        BETTER(0.005),
        /** "A is comparable to B". */
        COMPARABLE(0.005),
        /** "A approaches B". */
        APPROACHES(0.01);

        private final double margin;

        Kind(double margin) {
            this.margin = margin;
        }

        /** The equivalence margin on accuracy (absolute). */
        public double margin() {
            return margin;
        }

        /** The rule in one line. */
        public String rule() {
            return switch (this) {
                case BETTER -> "supported if Δ > 0 at p < 0.05; not supported if Δ ≤ 0 at p < 0.05 or the 95 % CI lies within ±0.5 pt";
                case COMPARABLE -> "supported if the 95 % CI of Δ lies within ±0.5 pt; not supported if |Δ| > 0.5 pt at p < 0.05";
                case APPROACHES -> "supported if the 95 % CI of Δ lies above −1 pt; not supported if Δ < −1 pt at p < 0.05";
            };
        }
    }

    /**
     * The verdict.
     *
     * @param kind the claim's form
     * @param diff seed-matched differences A − B
     * @param t their paired test, or null for fewer than 2 seeds
     * @return the verdict
     */
    public static ClaimVerdict of(Kind kind, double[] diff, TTest t) {
        double mean = diff.length == 0 ? Double.NaN : Stats.mean(diff);
        if (t == null || diff.length < 2 || Double.isNaN(Compare.ci95HalfWidth(diff))) {
            return new ClaimVerdict(INCONCLUSIVE, mean, Double.NaN, Double.NaN, diff.length);
        }
        double ci = Compare.ci95HalfWidth(diff);
        double p = t.p();
        double m = kind.margin();
        boolean sig = p < ALPHA;
        String v = switch (kind) {
            case BETTER -> sig && mean > 0 ? SUPPORTED : (sig && mean <= 0) || (mean - ci > -m && mean + ci < m) ? NOT_SUPPORTED
                    : INCONCLUSIVE;
            case COMPARABLE -> mean - ci > -m && mean + ci < m ? SUPPORTED : sig && Math.abs(mean) > m ? NOT_SUPPORTED : INCONCLUSIVE;
            case APPROACHES -> mean - ci > -m ? SUPPORTED : sig && mean < -m ? NOT_SUPPORTED : INCONCLUSIVE;
        };
        return new ClaimVerdict(v, mean, ci, p, diff.length);
    }

    /** {@code supported (Δ = +0.0123 ± 0.0040, p = 0.003, 3 seeds)}. */
    public String label() {
        return verdict + String.format(Locale.ROOT, " (Δ = %+.4f ± %.4f, p = %.3g, %d seeds)", mean, ci95, p, seeds);
    }

    /** Parses the verdict back out of a derived row's notes ({@code …; verdict: supported (…)}), or null. */
    public static String fromNotes(String notes) {
        int i = notes == null ? -1 : notes.lastIndexOf("verdict: ");
        return i < 0 ? null : notes.substring(i + "verdict: ".length());
    }
}
