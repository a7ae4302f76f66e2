package org.plasticity.ep.spiking.lif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.plasticity.data.Batch;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.display.TableHtml;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.spiking.SpikingNetwork;
import org.plasticity.plot.ChartExport;
import org.plasticity.plot.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's membrane-potential stability study (§4.1, Fig. 3): the first hidden layer's membranes of several
 * models through the free phase and the nudged phase, on the same inputs, shown as heat maps (membranes averaged
 * over the samples, per unit and step) with the stability measures of {@link MembraneTrace} per model. The
 * standard line-up ({@link #run}): (a) the stochastic spiking network, (b) EqSpike's LIF with low-pass filtered
 * spikes, (c) O'Connor et al.'s sigma-delta predictive coding with annealed steps, (d) annealed steps only, all
 * with the stochastic network's weights, and the stochastic network's mean-field twin (rates instead of spikes)
 * as a deterministic control.
 */
public final class StabilityStudy implements Displayable {

    /** Hidden units shown in each heat map (the first ones). */
    public static final int SHOWN_UNITS = 64;

    private final List<MembraneTrace> traces;

    private StabilityStudy(List<MembraneTrace> traces) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("a stability study needs at least one trace");
        }
        this.traces = List.copyOf(traces);
    }

    /** A study of traces recorded elsewhere. */
    public static StabilityStudy of(List<MembraneTrace> traces) {
        return new StabilityStudy(traces);
    }

    /**
     * The paper's line-up with one set of weights: the stochastic network itself (spikes from
     * {@link EnergyModel#EVALUATION_SEED}), its mean-field twin, and the three LIF baselines with a copy of its
     * parameters ({@link LifEp#baselines}).
     *
     * @param stochastic the (trained) stochastic network
     * @param probe the samples (the paper: 100 random MNIST images)
     * @param tFree free-phase steps
     * @param tNudge nudged-phase steps
     * @param beta the nudge
     * @return the study
     */
    public static StabilityStudy run(SpikingNetwork stochastic, Batch probe, int tFree, int tNudge, double beta) {
        List<MembraneTrace> out = new ArrayList<>();
        int w = MembraneTrace.WINDOW;
        out.add(MembraneTrace.of("(a) stochastic", stochastic, probe, tFree, tNudge, beta, w,
                new SplittableRandom(EnergyModel.EVALUATION_SEED)));
        char panel = 'b';
        for (LifNetwork lif : LifEp.baselines(stochastic)) {
            out.add(MembraneTrace.of("(" + panel++ + ") " + lif.config().kind().shortLabel(), lif, probe, tFree, tNudge, beta, w));
        }
        SpikingNetwork twin = new SpikingNetwork(stochastic.config().withStochastic(false), 1);
        for (int i = 0; i < twin.parameters().size(); i++) {
            float[] from = stochastic.parameters().get(i).value();
            System.arraycopy(from, 0, twin.parameters().get(i).value(), 0, from.length);
        }
        out.add(MembraneTrace.of("mean-field twin (control)", twin, probe, tFree, tNudge, beta, w, new SplittableRandom(0)));
        return new StabilityStudy(out);
    }

    /** The traces, in the study's order. */
    public List<MembraneTrace> traces() {
        return traces;
    }

    /** The trace of the model whose name starts with {@code prefix}. */
    public MembraneTrace trace(String prefix) {
        return traces.stream().filter(t -> t.model().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model named " + prefix + "… in " + traces.stream()
                        .map(MembraneTrace::model).toList()));
    }

    /** One row per model: accuracy at the free end, firing density, and the stability measures at both phase ends. */
    public Table table() {
        Table t = Table.create("membrane stability (Fig. 3): first hidden layer, in units of each model's membrane range")
                .addColumns(StringColumn.create("model"), IntColumn.create("samples"), DoubleColumn.create("accuracy (free end)"),
                        DoubleColumn.create("firing density"), DoubleColumn.create("late std, free"),
                        DoubleColumn.create("moving, free"), DoubleColumn.create("mean-map std, free"),
                        DoubleColumn.create("late std, nudged"), DoubleColumn.create("moving, nudged"),
                        DoubleColumn.create("mean-map std, nudged"));
        for (MembraneTrace m : traces) {
            t.stringColumn("model").append(m.model());
            t.intColumn("samples").append(m.rows());
            t.doubleColumn("accuracy (free end)").append(m.accuracy());
            t.doubleColumn("firing density").append(m.firingDensity());
            t.doubleColumn("late std, free").append(m.lateStdFree());
            t.doubleColumn("moving, free").append(m.oscillatingFree());
            t.doubleColumn("mean-map std, free").append(m.meanMapStdFree());
            t.doubleColumn("late std, nudged").append(m.lateStdNudged());
            t.doubleColumn("moving, nudged").append(m.oscillatingNudged());
            t.doubleColumn("mean-map std, nudged").append(m.meanMapStdNudged());
        }
        return t;
    }

    /** The heat map of trace {@code i}: the first {@value #SHOWN_UNITS} hidden units' mean membranes per step. */
    public HeatMapChart heatmap(int i) {
        MembraneTrace m = traces.get(i);
        return Charts.heatmap(String.format(Locale.ROOT, "%s: ξ/range, mean of %d images, nudge from %d", m.model(),
                m.rows(), m.tFree() + 1), "step", "hidden unit", m.meanMap(SHOWN_UNITS));
    }

    /** Mean |ξ_t − ξ_{t−1}| (in units of the range) per step, one series per model. */
    public XYChart changeChart() {
        XYChart c = Charts.line("membrane change per step, mean |Δξ| / range (nudge from step " + (traces.get(0).tFree() + 1)
                + ")", "step", "mean |Δξ| / range");
        for (MembraneTrace m : traces) {
            int steps = m.meanChange().length - 1;
            double[] x = new double[steps];
            double[] y = new double[steps];
            for (int t = 1; t <= steps; t++) {
                x[t - 1] = t;
                y[t - 1] = m.meanChange()[t];
            }
            c.addSeries(m.model(), x, y);
        }
        return c;
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div>");
        sb.append(TableHtml.toHtml(table()));
        sb.append("<p>").append(Html.escape(legend())).append("</p>");
        for (int i = 0; i < traces.size(); i++) {
            sb.append(img(ChartExport.pngBase64(heatmap(i))));
        }
        sb.append(img(ChartExport.pngBase64(changeChart())));
        return sb.append("</div>").toString();
    }

    private static String img(String base64) {
        return "<img alt=\"chart\" src=\"data:image/png;base64," + base64 + "\">";
    }

    private String legend() {
        MembraneTrace m = traces.get(0);
        return String.format(Locale.ROOT, "late std: per image and unit, the std over time of the membrane in the last %d steps "
                + "of a phase (nudged: %d), averaged; moving: the share of (image, unit) pairs with a late std above %.0f %% of "
                + "the range; mean-map std: the same std on the image-averaged membranes (what the heat maps show). "
                + "Ranges: 1/κ for the stochastic and sigma-delta neurons, the threshold θ for EqSpike's LIF. Models: EqSpike LIF = "
                + "LIF with low-pass filtered spikes (Martin et al. 2021); sigma-delta LIF = sigma-delta predictive coding with "
                + "annealed steps (O'Connor et al. 2019, eq. 17); step-size LIF = the same without predictive coding.", m.window(),
                Math.min(m.window(), m.tNudge()), 100 * MembraneTrace.OSCILLATING);
    }

    @Override
    public String toText() {
        return TableHtml.toText(table()) + System.lineSeparator() + legend();
    }

    @Override
    public String toString() {
        return "StabilityStudy" + traces.stream().map(MembraneTrace::model).toList();
    }
}
