package org.plasticity.localca.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * Theorem 1 checked numerically: the reverse-sweep gradient of every parameter tensor against
 * central finite differences of the batch-mean cross-entropy (entries whose perturbation would
 * change a TopK mask are skipped). For small trees only: it runs two forward passes per scalar.
 *
 * @param relativeL2 per tensor ‖g_sweep − g_fd‖ / ‖g_fd‖
 * @param checked scalars compared
 */
public record TreeGradientCheck(Map<String, Double> relativeL2, int checked) implements Displayable {

    /** Copies. */
    public TreeGradientCheck {
        relativeL2 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(relativeL2));
    }

    /**
     * Checks a freshly initialised network on a random batch of 5 samples with inputs in [0, 1).
     *
     * @param config a small architecture (e.g. inputs 8, 2 neurons, branch factors [2, 2])
     * @param seed initialisation and data seed
     * @return the relative errors per tensor
     */
    public static TreeGradientCheck run(TreeConfig config, long seed) {
        DendriticNetwork net = DendriticNetwork.create(config, seed);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        int n = 5;
        float[] x = new float[n * config.inputSize()];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(config.classes());
        }
        Batch batch = new Batch(x, y, n, config.inputSize());
        ForwardPass pass = net.newPass(n);
        net.forward(x, n, pass);
        TreeGradients g = TreeGradients.zeros(net);
        new TreeBackprop(net, n).run(pass, y, g, true);
        float h = 3e-2f;
        Map<String, Double> out = new LinkedHashMap<>();
        int checked = 0;
        for (int t = 0; t < net.parameters().size(); t++) {
            float[] w = net.parameters().get(t).value();
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < w.length; i++) {
                float old = w[i];
                w[i] = old + h;
                ForwardPass plus = net.newPass(n);
                net.forward(x, n, plus);
                w[i] = old - h;
                ForwardPass minus = net.newPass(n);
                net.forward(x, n, minus);
                w[i] = old;
                if (!sameMasks(net, pass, plus) || !sameMasks(net, pass, minus)) {
                    continue;
                }
                double fd = (SoftmaxCrossEntropy.evaluate(plus.logits(), n, y, null).meanLoss()
                        - SoftmaxCrossEntropy.evaluate(minus.logits(), n, y, null).meanLoss()) / (2 * h);
                diff += (fd - g.array(t)[i]) * (fd - g.array(t)[i]);
                norm += fd * fd;
                checked++;
            }
            out.put(net.parameters().get(t).name(), norm == 0 ? 0.0 : Math.sqrt(diff / norm));
        }
        return new TreeGradientCheck(out, checked);
    }

    private static boolean sameMasks(DendriticNetwork net, ForwardPass a, ForwardPass b) {
        for (int l = 1; l < net.topology().layers(); l++) {
            for (int c = 0; c < net.topology().size(l); c++) {
                if (!java.util.Arrays.equals(a.activeE[l][c], b.activeE[l][c])
                        || !java.util.Arrays.equals(a.activeI[l][c], b.activeI[l][c])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The largest relative error over tensors. */
    public double worst() {
        return relativeL2.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div><b>Theorem 1 vs finite differences</b> (" + checked
                + " scalars)<table><tr><th>tensor</th><th>relative L2 error</th></tr>");
        relativeL2.forEach((k, v) -> sb.append("<tr><td>").append(Html.escape(k)).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.2e", v)).append("</td></tr>"));
        return sb.append("</table></div>").toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TreeGradientCheck[%d scalars, worst relative L2 error %.2e]", checked, worst());
    }
}
