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
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * The bias of the finite-β estimators that Laborieux et al. (2021, section 3) removed: on one batch, the
 * one-sided and symmetric EP estimates for several β against the gradient of the loss at the fixed
 * point, computed by backprop-through-time through a long, converged free phase. The one-sided error
 * shrinks like β, the symmetric one like β².
 *
 * @param betas the |β| values
 * @param oneSided relative error ‖ĝ − g‖/‖g‖ of the one-sided estimate, per β
 * @param symmetric relative error of the symmetric estimate, per β
 * @param oneSidedCosine cosine between the one-sided estimate and g, per β
 * @param symmetricCosine cosine between the symmetric estimate and g, per β
 * @param t1 free-phase steps (and BPTT steps)
 * @param t2 nudged-phase steps
 */
public record EstimatorBias(double[] betas, double[] oneSided, double[] symmetric, double[] oneSidedCosine,
        double[] symmetricCosine, int t1, int t2) implements Displayable {

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
        for (int i = 0; i < betas.length; i++) {
            float[] g1 = estimate(net, batch, t1, t2, betas[i], Estimator.ONE_SIDED);
            float[] g2 = estimate(net, batch, t1, t2, betas[i], Estimator.SYMMETRIC);
            one[i] = relativeError(g1, truth);
            sym[i] = relativeError(g2, truth);
            oneCos[i] = cosine(g1, truth);
            symCos[i] = cosine(g2, truth);
        }
        ps.forEach(Parameter::zeroGrad);
        return new EstimatorBias(betas.clone(), one, sym, oneCos, symCos, t1, t2);
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

    /** Rows of the table: β, one-sided error, symmetric error, cosines. */
    public List<double[]> rows() {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < betas.length; i++) {
            out.add(new double[] {betas[i], oneSided[i], symmetric[i], oneSidedCosine[i], symmetricCosine[i]});
        }
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "EP estimate vs BPTT gradient at the fixed point (T1=%d, T2=%d)%n%8s %12s %12s %10s %10s%n", t1, t2, "β",
                "err 1-sided", "err symm.", "cos 1-s", "cos sym"));
        for (double[] r : rows()) {
            sb.append(String.format(Locale.ROOT, "%8.3f %12.4f %12.4f %10.4f %10.4f%n", r[0], r[1], r[2], r[3], r[4]));
        }
        return sb.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table><caption>EP estimate vs BPTT gradient at the fixed point (T1=" + t1
                + ", T2=" + t2 + ")</caption><tr><th>β</th><th>rel. error one-sided</th><th>rel. error symmetric</th>"
                + "<th>cosine one-sided</th><th>cosine symmetric</th></tr>");
        for (double[] r : rows()) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%.3f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td></tr>",
                    r[0], r[1], r[2], r[3], r[4]));
        }
        return sb.append("</table>").toString().replace("β", Html.escape("β"));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EstimatorBias[%d β values, at β=%.3g: one-sided %.3g, symmetric %.3g]",
                betas.length, betas[betas.length - 1], oneSided[betas.length - 1], symmetric[betas.length - 1]);
    }
}
