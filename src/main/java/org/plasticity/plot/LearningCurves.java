package org.plasticity.plot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingRun;

/** Accuracy and loss curves of training runs (per epoch), used by {@link Charts} and renderers. */
public final class LearningCurves {

    private LearningCurves() {
    }

    /**
     * Accuracy in % per epoch: train, validation and test series (those with a finite value).
     *
     * @param runs runs to draw, at least one
     * @param width chart width in pixels
     * @param height chart height in pixels
     * @return the chart
     */
    public static XYChart accuracy(TrainingRun[] runs, int width, int height) {
        XYChart chart = base("Learning curves", "accuracy (%)", runs, width, height);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        addAll(chart, runs, List.of(
                new Metric("train", m -> 100 * m.trainAccuracy()),
                new Metric("val", m -> 100 * m.validationAccuracy()),
                new Metric("test", m -> 100 * m.testAccuracy())));
        return chart;
    }

    /**
     * Mean loss per epoch: train, validation and test series (those with a finite value).
     *
     * @param runs runs to draw, at least one
     * @param width chart width in pixels
     * @param height chart height in pixels
     * @return the chart
     */
    public static XYChart loss(TrainingRun[] runs, int width, int height) {
        XYChart chart = base("Loss", "loss", runs, width, height);
        addAll(chart, runs, List.of(
                new Metric("train", EpochMetrics::trainLoss),
                new Metric("val", EpochMetrics::validationLoss),
                new Metric("test", EpochMetrics::testLoss)));
        return chart;
    }

    /**
     * Accuracy curves of an unfinished history (the live progress chart).
     *
     * @param history completed epochs, at least one
     * @param width chart width in pixels
     * @param height chart height in pixels
     * @return the chart
     */
    public static XYChart accuracy(List<EpochMetrics> history, int width, int height) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no completed epoch to draw yet");
        }
        XYChart chart = Charts.line(null, "epoch", "accuracy (%)", width, height);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.#");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        for (Metric m : List.of(new Metric("train", e -> 100 * e.trainAccuracy()),
                new Metric("val", e -> 100 * e.validationAccuracy()), new Metric("test", e -> 100 * e.testAccuracy()))) {
            addSeries(chart, m.name(), history, m.value());
        }
        return chart;
    }

    private static XYChart base(String title, String yTitle, TrainingRun[] runs, int width, int height) {
        if (runs == null || runs.length == 0) {
            throw new IllegalArgumentException("learning curves need at least one training run");
        }
        for (TrainingRun r : runs) {
            if (r.history().isEmpty()) {
                throw new IllegalArgumentException("run has no completed epoch: " + r);
            }
        }
        XYChart chart = Charts.line(runs.length == 1 ? title + " · " + runs[0].model() : title, "epoch", yTitle,
                width, height);
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    private static void addAll(XYChart chart, TrainingRun[] runs, List<Metric> metrics) {
        Set<String> used = new HashSet<>();
        for (int i = 0; i < runs.length; i++) {
            String prefix = runs.length == 1 ? "" : label(runs, i) + " ";
            for (Metric m : metrics) {
                String name = prefix + m.name();
                while (!used.add(name)) {
                    name = name + "'";
                }
                addSeries(chart, name, runs[i].history(), m.value());
            }
        }
    }

    private static String label(TrainingRun[] runs, int i) {
        boolean sameModel = true;
        for (TrainingRun r : runs) {
            sameModel &= r.model().equals(runs[0].model());
        }
        return sameModel ? "seed " + runs[i].seed() : runs[i].model();
    }

    private static void addSeries(XYChart chart, String name, List<EpochMetrics> history,
            ToDoubleFunction<EpochMetrics> value) {
        double[] x = history.stream().mapToDouble(EpochMetrics::epoch).toArray();
        double[] y = history.stream().mapToDouble(value).toArray();
        boolean any = false;
        for (double v : y) {
            any |= Double.isFinite(v);
        }
        if (any) {
            chart.addSeries(name, x, y);
        }
    }

    private record Metric(String name, ToDoubleFunction<EpochMetrics> value) {
    }
}
