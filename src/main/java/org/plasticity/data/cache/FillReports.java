package org.plasticity.data.cache;

import java.util.AbstractList;
import java.util.List;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;

/**
 * The reports of one cache fill, one per data set, as an unmodifiable list that also displays
 * itself: a table of data set, where its files came from, the files written and the sources that
 * failed first (notebooks), or one line per data set (JShell).
 */
public final class FillReports extends AbstractList<FillReport> implements Displayable {

    private final List<FillReport> reports;

    /**
     * Wraps the reports of a fill.
     *
     * @param reports one report per data set, in fill order
     */
    public FillReports(List<FillReport> reports) {
        this.reports = List.copyOf(reports);
    }

    @Override
    public FillReport get(int index) {
        return reports.get(index);
    }

    @Override
    public int size() {
        return reports.size();
    }

    /** How many data sets needed files (the rest were already in the cache). */
    public long filled() {
        return reports.stream().filter(r -> !r.written().isEmpty()).count();
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table class=\"plasticity-table\" data-rows=\"").append(size())
                .append("\" data-shown-rows=\"").append(size())
                .append("\" style=\"border-collapse:collapse;font-size:12px\"><caption style=\"text-align:left;"
                        + "caption-side:top\"><b>Data cache fill</b> <span style=\"color:#777\">")
                .append(size()).append(" data sets, ").append(filled()).append(" filled now</span></caption>")
                .append("<thead><tr><th style=\"text-align:left\">data set</th><th style=\"text-align:left\">source</th>"
                        + "<th style=\"text-align:right\">files written</th>"
                        + "<th style=\"text-align:left\">sources that failed first</th></tr></thead><tbody>");
        for (FillReport r : reports) {
            sb.append("<tr><td style=\"text-align:left\">").append(Html.escape(r.dataset()))
                    .append("</td><td style=\"text-align:left\">").append(Html.escape(r.source()))
                    .append("</td><td style=\"text-align:right\">").append(r.written().size())
                    .append("</td><td style=\"text-align:left\">").append(Html.escape(String.join("; ", r.failedSources())))
                    .append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("data cache fill: ").append(size()).append(" data sets, ").append(filled())
                .append(" filled now");
        for (FillReport r : reports) {
            sb.append("\n  ").append(r);
            for (String f : r.failedSources()) {
                sb.append("\n    failed first: ").append(f);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
