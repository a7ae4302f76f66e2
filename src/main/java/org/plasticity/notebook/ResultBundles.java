package org.plasticity.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.plasticity.display.TableHtml;
import org.plasticity.plot.ChartExport;
import org.plasticity.plot.Charts;
import org.plasticity.plot.LearningCurves;
import org.plasticity.train.TrainingProgress;
import org.plasticity.train.TrainingRun;

/**
 * Bundles of training results. Notebook frontends show only the richest type of a bundle, so the
 * HTML embeds its chart as a data URI; the same PNG is also the bundle's {@code image/png} for
 * frontends without HTML.
 */
final class ResultBundles {

    /** Size of the live chart next to a progress bar (small: it is redrawn during training). */
    static final int LIVE_WIDTH = 360;
    static final int LIVE_HEIGHT = 200;

    private ResultBundles() {
    }

    static MimeBundle run(TrainingRun run) {
        StringBuilder html = new StringBuilder(run.toHtml());
        String png = null;
        if (!run.history().isEmpty()) {
            XYChart chart = Charts.learningCurves(run);
            png = ChartExport.pngBase64(chart);
            html.append(img(png, chart.getWidth(), chart.getHeight()));
            html.append("<details><summary>history (").append(run.history().size())
                    .append(" epochs)</summary>").append(TableHtml.toHtml(run.historyTable())).append("</details>");
        }
        return bundle(html.toString(), png, run.toText());
    }

    static MimeBundle progress(TrainingProgress p) {
        StringBuilder html = new StringBuilder("<div style=\"display:flex;gap:16px;align-items:center\"><div>")
                .append(p.toHtml()).append("</div>");
        String png = null;
        if (!p.history().isEmpty()) {
            png = ChartExport.pngBase64(LearningCurves.accuracy(p.history(), LIVE_WIDTH, LIVE_HEIGHT));
            html.append("<div>").append(img(png, LIVE_WIDTH, LIVE_HEIGHT)).append("</div>");
        }
        html.append("</div>");
        return bundle(html.toString(), png, p.toText());
    }

    private static MimeBundle bundle(String html, String png, String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MimeBundle.HTML, html);
        if (png != null) {
            m.put(MimeBundle.PNG, png);
        }
        m.put(MimeBundle.TEXT, text);
        return new MimeBundle(m);
    }

    private static String img(String base64Png, int width, int height) {
        return "<img alt=\"chart\" width=\"" + width + "\" height=\"" + height + "\" src=\"data:image/png;base64,"
                + base64Png + "\">";
    }
}
