package org.plasticity.localca.fidelity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.localca.model.ParameterGroup;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-tensor fidelity of a local rule against backprop, with the paper's parameter-count-weighted
 * aggregates over the component groups (excitatory synapses, inhibitory synapses, dendritic
 * conductances, reactivation; decoder excluded unless asked for).
 *
 * @param components one entry per tensor
 * @param groups groups entering the aggregates
 */
public record FidelityReport(List<ComponentFidelity> components, Set<ParameterGroup> groups) implements Displayable {

    /** Copies. */
    public FidelityReport {
        components = List.copyOf(components);
        groups = Set.copyOf(groups);
    }

    private double weighted(ToDoubleFunction<ComponentFidelity> f, Predicate<ComponentFidelity> keep) {
        double s = 0;
        double w = 0;
        for (ComponentFidelity c : components) {
            double v = f.applyAsDouble(c);
            if (groups.contains(c.group()) && keep.test(c) && !Double.isNaN(v)) {
                s += v * c.size();
                w += c.size();
            }
        }
        return w == 0 ? Double.NaN : s / w;
    }

    /** Parameter-count weighted cosine (Table 2 "Weighted cosine"). */
    public double weightedCosine() {
        return weighted(ComponentFidelity::cosine, c -> true);
    }

    /** Parameter-count weighted |log10 norm ratio| (Table 2 "Scale mismatch"). */
    public double weightedScaleMismatch() {
        return weighted(ComponentFidelity::scaleMismatch, c -> true);
    }

    /** Parameter-count weighted relative L2 error (Table 2 "Rel. L2"). */
    public double weightedRelativeL2() {
        return weighted(ComponentFidelity::relativeL2, c -> true);
    }

    /**
     * |log10| of the ratio of the concatenated norms over the aggregated groups (an alternative
     * reading of Table 2's scale column, see spec §1.8 item 7).
     */
    public double globalScaleMismatch() {
        double l = 0;
        double b = 0;
        for (ComponentFidelity c : components) {
            if (groups.contains(c.group())) {
                l += c.localNorm() * c.localNorm();
                b += c.backpropNorm() * c.backpropNorm();
            }
        }
        return Math.abs(Math.log10((Math.sqrt(l) + 1e-12) / (Math.sqrt(b) + 1e-12)));
    }

    /** Weighted cosine of one group. */
    public double cosine(ParameterGroup g) {
        return weighted(ComponentFidelity::cosine, c -> c.group() == g);
    }

    /** Weighted cosine of one compartment layer. */
    public double cosineOfLayer(int layer) {
        return weighted(ComponentFidelity::cosine, c -> c.layer() == layer);
    }

    /** One row per tensor. */
    public Table table() {
        Table t = Table.create("gradient fidelity");
        t.addColumns(StringColumn.create("tensor"), StringColumn.create("group"), IntColumn.create("layer"),
                DoubleColumn.create("cosine"), DoubleColumn.create("scale_mismatch"), DoubleColumn.create("rel_l2"));
        for (ComponentFidelity c : components) {
            t.stringColumn("tensor").append(c.tensor());
            t.stringColumn("group").append(c.group().id());
            t.intColumn("layer").append(c.layer());
            t.doubleColumn("cosine").append(c.cosine());
            t.doubleColumn("scale_mismatch").append(c.scaleMismatch());
            t.doubleColumn("rel_l2").append(c.relativeL2());
        }
        return t;
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div class=\"plasticity-fidelity\"><b>Gradient fidelity</b> ")
                .append(Html.escape(summary())).append("<table><tr><th>tensor</th><th>group</th><th>cosine</th>"
                        + "<th>scale</th><th>rel L2</th></tr>");
        for (ComponentFidelity c : components) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>",
                    Html.escape(c.tensor()), c.group().id(), c.cosine(), c.scaleMismatch(), c.relativeL2()));
        }
        return sb.append("</table></div>").toString();
    }

    /** The three aggregates in one line. */
    public String summary() {
        return String.format(Locale.ROOT, "weighted cos %.3f, scale %.3f (global %.3f), rel L2 %.3f", weightedCosine(),
                weightedScaleMismatch(), globalScaleMismatch(), weightedRelativeL2());
    }

    @Override
    public String toString() {
        return "FidelityReport[" + summary() + ", " + components.size() + " tensors]";
    }
}
