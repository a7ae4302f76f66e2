package org.plasticity.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.plasticity.plot.ChartExport;

/**
 * MIME bundles of XChart charts: {@code image/png} always, {@code image/svg+xml} when enabled
 * (off by default: notebook frontends prefer SVG over PNG, and an SVG of a dense chart is many
 * times larger than its PNG).
 */
public final class ChartBundles {

    private static volatile boolean svg;

    private ChartBundles() {
    }

    /** Whether chart bundles also carry SVG. */
    public static boolean svgEnabled() {
        return svg;
    }

    /**
     * Turns SVG renderings of charts on or off for this kernel session.
     *
     * @param enabled true to add {@code image/svg+xml} to chart bundles
     */
    public static void setSvgEnabled(boolean enabled) {
        svg = enabled;
    }

    /** The bundle of a chart. */
    static MimeBundle chart(Chart<?, ?> chart) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MimeBundle.PNG, ChartExport.pngBase64(chart));
        if (svg) {
            m.put(MimeBundle.SVG, ChartExport.svg(chart));
        }
        m.put(MimeBundle.TEXT, describe(chart));
        return new MimeBundle(m);
    }

    /** One line naming the chart and how to save it. */
    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
        return chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "×" + chart.getHeight()
                + " px; save with ChartExport.toPng(chart, Path.of(\"chart.png\")))";
    }
}
