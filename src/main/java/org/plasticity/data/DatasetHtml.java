package org.plasticity.data;

import org.plasticity.display.Html;

/** HTML renderings of data sets and splits: sample grid (PNG data: URI) and class-count table. */
final class DatasetHtml {

    private static final String CELL = "style=\"padding:2px 8px;text-align:right\"";

    private DatasetHtml() {
    }

    static String dataset(Dataset d) {
        StringBuilder sb = new StringBuilder("<div><b>").append(Html.escape(d.toString())).append("</b><br/>");
        if (SampleGrid.canDraw(d) && d.size() > 0) {
            sb.append(new SampleGrid(d, 8).toHtmlImg()).append("<br/>");
        }
        sb.append(countTable(new String[] {d.name()}, new int[][] {d.classCounts()}, d.classCount()));
        return sb.append("</div>").toString();
    }

    static String splits(Splits s) {
        Dataset train = s.trainSet();
        StringBuilder sb = new StringBuilder("<div><b>").append(Html.escape(s.toString())).append("</b><br/><i>")
                .append(Html.escape(s.provenance().toString())).append("</i><br/>");
        if (SampleGrid.canDraw(train) && train.size() > 0) {
            sb.append(new SampleGrid(train, 8).toHtmlImg()).append("<br/>");
        }
        sb.append(countTable(new String[] {"train", "validation", "test"},
                new int[][] {train.classCounts(), s.validation().classCounts(), s.test().classCounts()}, train.classCount()));
        return sb.append("</div>").toString();
    }

    private static String countTable(String[] names, int[][] counts, int classCount) {
        StringBuilder sb = new StringBuilder("<table style=\"border-collapse:collapse;font-size:small\"><tr><th>class</th>");
        for (String n : names) {
            sb.append("<th ").append(CELL).append(">").append(Html.escape(n)).append("</th>");
        }
        sb.append("</tr>");
        int[] totals = new int[names.length];
        for (int c = 0; c < classCount; c++) {
            sb.append("<tr><td>").append(c).append("</td>");
            for (int k = 0; k < names.length; k++) {
                int v = c < counts[k].length ? counts[k][c] : 0;
                totals[k] += v;
                sb.append("<td ").append(CELL).append(">").append(v).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("<tr><td><b>total</b></td>");
        for (int t : totals) {
            sb.append("<td ").append(CELL).append("><b>").append(t).append("</b></td>");
        }
        return sb.append("</tr></table>").toString();
    }
}
