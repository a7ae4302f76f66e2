package org.plasticity.ep.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.DifferentiableModel;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * The bias of the finite-β estimators that Laborieux et al. (2021, section 3) removed: on one batch, the
 * one-sided and symmetric EP estimates for several β against the gradient of the loss at the fixed
 * point, computed by backprop-through-time through a long, converged free phase. In the linear-response
 * regime (the nudged fixed points s^{±β} stay in s*'s basin and move ∝ β) the one-sided error shrinks
 * like β, the symmetric one like β².
 *
 * <p>That regime ends where a nudged phase leaves s*'s basin: with the MSE cost the −β phase feeds the
 * output error back positively ({@code +|β|(s_L − y)} in the drive), and on a trained, confident network
 * a moderate |β| pushes output units over the activation's threshold to another fixed point. The
 * symmetric estimate then carries the −β phase's error and can be far worse than the one-sided one. The
 * record therefore also holds how far each nudged phase ended from s* ({@link #plusShift},
 * {@link #minusShift}, max-norm over the state's views) and whether it settled within T2 steps
 * ({@link #plusResidual}, {@link #minusResidual}: the change of one more step); {@link #linearResponse}
 * tells the β values where the comparison with β and β² is meaningful.
 *
 * @param betas the |β| values
 * @param oneSided relative error ‖ĝ − g‖/‖g‖ of the one-sided estimate, per β
 * @param symmetric relative error of the symmetric estimate, per β
 * @param oneSidedCosine cosine between the one-sided estimate and g, per β
 * @param symmetricCosine cosine between the symmetric estimate and g, per β
 * @param plusShift {@code max|s^{+β} − s*|} at the end of the +β phase, per β
 * @param minusShift {@code max|s^{−β} − s*|} at the end of the −β phase, per β
 * @param plusResidual {@code max|s_{T2+1} − s_{T2}|} of the +β phase (0 = settled), per β
 * @param minusResidual the same for the −β phase, per β
 * @param t1 free-phase steps (and BPTT steps)
 * @param t2 nudged-phase steps
 */
public record EstimatorBias(double[] betas, double[] oneSided, double[] symmetric, double[] oneSidedCosine,
        double[] symmetricCosine, double[] plusShift, double[] minusShift, double[] plusResidual, double[] minusResidual,
        int t1, int t2) implements Displayable {

    /**
     * Largest ratio {@code minusShift / plusShift} (or its inverse) still counted as linear response: the
     * two nudged fixed points move by the same amount, to first order, while both stay in s*'s basin.
     */
    public static final double LINEAR_RESPONSE_RATIO = 2;

    /**
     * Shift ratio above which one nudged phase is taken to have jumped to another fixed point (left s*'s
     * basin) rather than merely responded nonlinearly.
     */
    public static final double BASIN_RATIO = 4;

    /** Largest residual (change of one more nudged step) counted as a settled phase. */
    public static final double SETTLED = 1e-3;

    /**
     * Measures the bias on one batch with the network's current parameters (gradient slots are overwritten).
     *
     * @param net the network (e.g. a layered network with prototypical dynamics)
     * @param batch the samples
     * @param t1 free-phase steps; long enough to converge (BPTT runs through all of them)
     * @param t2 nudged-phase steps; long enough for the nudged phase to settle
     * @param betas |β| values
     * @return errors and cosines per β
     */
    public static EstimatorBias measure(DifferentiableModel<?> net, Batch batch, int t1, int t2, double... betas) {
        List<Parameter> ps = net.parameters();
        ps.forEach(Parameter::zeroGrad);
        new Bptt(net, t1, t1).computeGradients(batch, new StepContext(0, 0, 0, 1, new SplittableRandom(0)));
        float[] truth = flatten(ps);
        double[] one = new double[betas.length];
        double[] sym = new double[betas.length];
        double[] oneCos = new double[betas.length];
        double[] symCos = new double[betas.length];
        double[][] phases = new double[4][betas.length];
        for (int i = 0; i < betas.length; i++) {
            double[] p = phaseEnds(net, batch, t1, t2, betas[i]);
            for (int k = 0; k < 4; k++) {
                phases[k][i] = p[k];
            }
            float[] g1 = estimate(net, batch, t1, t2, betas[i], Estimator.ONE_SIDED);
            float[] g2 = estimate(net, batch, t1, t2, betas[i], Estimator.SYMMETRIC);
            one[i] = relativeError(g1, truth);
            sym[i] = relativeError(g2, truth);
            oneCos[i] = cosine(g1, truth);
            symCos[i] = cosine(g2, truth);
        }
        ps.forEach(Parameter::zeroGrad);
        return new EstimatorBias(betas.clone(), one, sym, oneCos, symCos, phases[0], phases[1], phases[2], phases[3], t1, t2);
    }

    /** {+β shift, −β shift, +β residual, −β residual} of the nudged phases from s* (max-norm over the views). */
    private static double[] phaseEnds(DifferentiableModel<?> net, Batch batch, int t1, int t2, double beta) {
        return phaseEndsOf(net, batch, t1, t2, Math.abs(beta));
    }

    private static <S extends EpState> double[] phaseEndsOf(EnergyModel<S> m, Batch batch, int t1, int t2, double beta) {
        SplittableRandom rng = new SplittableRandom(0);
        m.bind(batch);
        S free = m.newState();
        m.reset(free);
        m.relax(free, 0, t1, rng);
        double[] out = new double[4];
        S end = m.newState();
        S next = m.newState();
        for (int k = 0; k < 2; k++) {
            m.copy(free, end);
            m.relax(end, k == 0 ? beta : -beta, t2, rng);
            m.copy(end, next);
            m.relax(next, k == 0 ? beta : -beta, 1, rng);
            out[k] = maxDistance(end, free);
            out[2 + k] = maxDistance(next, end);
        }
        return out;
    }

    private static double maxDistance(EpState a, EpState b) {
        double m = 0;
        for (int v = 0; v < a.views().size(); v++) {
            float[] x = a.views().get(v).values();
            float[] y = b.views().get(v).values();
            for (int i = 0; i < a.rows() * a.views().get(v).size(); i++) {
                m = Math.max(m, Math.abs(x[i] - y[i]));
            }
        }
        return m;
    }

    /**
     * Whether β value {@code i} is in the linear-response regime: both nudged phases settled and their
     * shifts from s* agree within {@link #LINEAR_RESPONSE_RATIO}. Outside it the β/β² laws do not apply.
     */
    public boolean linearResponse(int i) {
        double lo = Math.min(plusShift[i], minusShift[i]);
        double hi = Math.max(plusShift[i], minusShift[i]);
        return plusResidual[i] <= SETTLED && minusResidual[i] <= SETTLED && hi <= LINEAR_RESPONSE_RATIO * Math.max(lo, 1e-12);
    }

    private static float[] estimate(DifferentiableModel<?> net, Batch batch, int t1, int t2, double beta, Estimator e) {
        net.parameters().forEach(Parameter::zeroGrad);
        new EquilibriumPropagation(net, t1, t2, beta, e).computeGradients(batch,
                new StepContext(0, 0, 0, 1, new SplittableRandom(0)));
        return flatten(net.parameters());
    }

    private static float[] flatten(List<Parameter> ps) {
        int n = ps.stream().mapToInt(Parameter::size).sum();
        float[] out = new float[n];
        int o = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.grad(), 0, out, o, p.size());
            o += p.size();
        }
        return out;
    }

    private static double relativeError(float[] a, float[] ref) {
        double d = 0;
        double r = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - ref[i]) * (double) (a[i] - ref[i]);
            r += ref[i] * (double) ref[i];
        }
        return Math.sqrt(d / r);
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * (double) b[i];
            aa += a[i] * (double) a[i];
            bb += b[i] * (double) b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** Rows of the table: β, one-sided error, symmetric error, cosines, ±β shifts, ±β residuals. */
    public List<double[]> rows() {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < betas.length; i++) {
            out.add(new double[] {betas[i], oneSided[i], symmetric[i], oneSidedCosine[i], symmetricCosine[i], plusShift[i],
                minusShift[i], plusResidual[i], minusResidual[i]});
        }
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "EP estimate vs BPTT gradient at the fixed point (T1=%d, T2=%d)%n%8s %12s %12s %10s %10s %11s %11s  %s%n", t1, t2,
                "β", "err 1-sided", "err symm.", "cos 1-s", "cos sym", "|s+β − s*|", "|s−β − s*|", "regime"));
        for (int i = 0; i < betas.length; i++) {
            sb.append(String.format(Locale.ROOT, "%8.3f %12.4f %12.4f %10.4f %10.4f %11.4f %11.4f  %s%n", betas[i], oneSided[i],
                    symmetric[i], oneSidedCosine[i], symmetricCosine[i], plusShift[i], minusShift[i], regime(i)));
        }
        return sb.toString();
    }

    /** "linear", or what ended the linear-response regime at β value {@code i}. */
    public String regime(int i) {
        if (linearResponse(i)) {
            return "linear";
        }
        List<String> why = new ArrayList<>();
        if (plusResidual[i] > SETTLED) {
            why.add(String.format(Locale.ROOT, "+β phase not settled (%.1e)", plusResidual[i]));
        }
        if (minusResidual[i] > SETTLED) {
            why.add(String.format(Locale.ROOT, "−β phase not settled (%.1e)", minusResidual[i]));
        }
        double ratio = Math.max(plusShift[i], minusShift[i]) / Math.max(1e-12, Math.min(plusShift[i], minusShift[i]));
        String phase = minusShift[i] > plusShift[i] ? "−β" : "+β";
        if (ratio > BASIN_RATIO) {
            why.add(phase + " phase left s*'s basin");
        } else if (ratio > LINEAR_RESPONSE_RATIO) {
            why.add(String.format(Locale.ROOT, "nonlinear response (%s phase moved %.1f× further)", phase, ratio));
        }
        return String.join(", ", why);
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table><caption>EP estimate vs BPTT gradient at the fixed point (T1=" + t1
                + ", T2=" + t2 + ")</caption><tr><th>β</th><th>rel. error one-sided</th><th>rel. error symmetric</th>"
                + "<th>cosine one-sided</th><th>cosine symmetric</th><th>max|s<sup>+β</sup> − s*|</th>"
                + "<th>max|s<sup>−β</sup> − s*|</th><th>regime</th></tr>");
        for (int i = 0; i < betas.length; i++) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%.3f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                    + "<td>%.4f</td><td>%.4f</td><td>%s</td></tr>", betas[i], oneSided[i], symmetric[i], oneSidedCosine[i],
                    symmetricCosine[i], plusShift[i], minusShift[i], Html.escape(regime(i))));
        }
        return sb.append("</table>").toString().replace("β", Html.escape("β"));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EstimatorBias[%d β values, at β=%.3g: one-sided %.3g, symmetric %.3g]",
                betas.length, betas[betas.length - 1], oneSided[betas.length - 1], symmetric[betas.length - 1]);
    }
}
