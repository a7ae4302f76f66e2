package org.plasticity.experiment.sweep;

import java.util.List;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;

/**
 * Several comparisons as one table (HTML in notebooks, aligned text in a terminal).
 *
 * @param tests the comparisons
 */
public record TTestTable(List<TTest> tests) implements Displayable {

    /** Copies the list. */
    public TTestTable {
        tests = List.copyOf(tests);
    }

    /** A table of these tests. */
    public static TTestTable of(List<TTest> tests) {
        return new TTestTable(tests);
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table class=\"plasticity-ttest\"><tr><th>A</th><th>B</th><th>test</th>"
                + "<th>n A</th><th>n B</th><th>mean A</th><th>mean B</th><th>Δ</th><th>t</th><th>df</th><th>p</th>"
                + "<th>Cohen's d</th><th>Hedges' g</th></tr>");
        for (TTest t : tests) {
            sb.append("<tr><td>").append(Html.escape(t.nameA())).append("</td><td>").append(Html.escape(t.nameB()))
                    .append("</td><td>").append(t.kind()).append("</td><td>").append(t.nA()).append("</td><td>")
                    .append(t.nB()).append("</td><td>").append(TTest.cell(t.meanA())).append("</td><td>")
                    .append(TTest.cell(t.meanB())).append("</td><td>").append(TTest.cell(t.difference()))
                    .append("</td><td>").append(TTest.cell(t.t())).append("</td><td>").append(TTest.cell(t.df()))
                    .append("</td><td>").append(TTest.cell(t.p())).append("</td><td>").append(TTest.cell(t.cohenD()))
                    .append("</td><td>").append(TTest.cell(t.hedgesG())).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (TTest t : tests) {
            sb.append(t.toText()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
