package org.plasticity.latent.recipes;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.plasticity.plot.Charts;
import org.plasticity.train.EpochMetrics;

/** The charts of notebook 06: per-epoch curves of several runs, averaged over their seeds. */
public final class LatentPlots {

    private LatentPlots() {
    }

    /**
     * One line per experiment: the seed mean of an epoch metric ({@link EpochMetrics#metric}, e.g.
     * {@code train.loss} or {@code train.tau_m_1}).
     *
     * @param title chart title
     * @param yTitle y axis title
     * @param metric the metric key
     * @param curves experiment label to its seeds' histories
     * @param logY logarithmic y axis
     * @return the chart
     */
    public static XYChart curves(String title, String yTitle, String metric, Map<String, List<List<EpochMetrics>>> curves,
            boolean logY) {
        XYChart chart = Charts.line(title, "epoch", yTitle);
        for (Map.Entry<String, List<List<EpochMetrics>>> e : curves.entrySet()) {
            double[] mean = mean(e.getValue(), metric);
            if (mean.length == 0) {
                continue;
            }
            double[] x = new double[mean.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                if (logY) {
                    mean[i] = Math.max(mean[i], 1e-14);
                }
            }
            chart.addSeries(e.getKey(), x, mean);
        }
        chart.getStyler().setYAxisLogarithmic(logY);
        return chart;
    }

    /**
     * {@link #curves} plus a horizontal reference line (e.g. the teacher's τ_m).
     *
     * @param reference the reference value
     * @param referenceLabel its legend entry
     */
    public static XYChart curves(String title, String yTitle, String metric, Map<String, List<List<EpochMetrics>>> curves,
            double reference, String referenceLabel) {
        XYChart chart = curves(title, yTitle, metric, curves, false);
        int n = curves.values().stream().mapToInt(h -> h.stream().mapToInt(List::size).min().orElse(0)).max().orElse(1);
        chart.addSeries(referenceLabel, new double[] {1, Math.max(2, n)}, new double[] {reference, reference});
        return chart;
    }

    /**
     * One line per layer of a per-step measure (e.g. {@link org.plasticity.latent.fidelity.ErrorFidelity.Report}'s
     * cosine over time); NaN steps are left out.
     *
     * @param title chart title
     * @param yTitle y axis title
     * @param perLayer values per layer and step
     * @return the chart
     */
    public static XYChart overTime(String title, String yTitle, double[][] perLayer) {
        XYChart chart = Charts.line(title, "time step", yTitle);
        for (int l = 0; l < perLayer.length; l++) {
            double[] v = perLayer[l];
            int n = (int) java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).count();
            double[] x = new double[n];
            double[] y = new double[n];
            for (int t = 0, i = 0; t < v.length; t++) {
                if (!Double.isNaN(v[t])) {
                    x[i] = t;
                    y[i++] = v[t];
                }
            }
            if (n > 0) {
                chart.addSeries("layer " + l, x, y);
            }
        }
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /** Epoch-wise mean over seeds, truncated to the shortest history. */
    static double[] mean(List<List<EpochMetrics>> seeds, String metric) {
        int n = seeds.stream().mapToInt(List::size).min().orElse(0);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (List<EpochMetrics> h : seeds) {
                s += h.get(i).metric(metric);
            }
            m[i] = s / seeds.size();
        }
        return m;
    }
}
