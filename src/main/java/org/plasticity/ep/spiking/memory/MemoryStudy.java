package org.plasticity.ep.spiking.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.display.TableHtml;
import org.plasticity.ep.spiking.SpikingEp;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's §4.4 memory comparison (Table 2): the measured memory of an EP and a BPTT training step per
 * architecture at the paper's batch size (128 on MNIST), next to the paper's GPU figures. See
 * {@link MemoryComparison} for what is and is not comparable.
 */
public final class MemoryStudy implements Displayable {

    /** The paper's Table 2 batch size for MNIST. */
    public static final int BATCH = 128;
    /** Table 2, MNIST 1FC: EP 141 MB, BPTT 179 MB (1.2×). */
    public static final double[] PAPER_1FC = {141, 179};
    /** Table 2, MNIST 2FC: EP 147 MB, BPTT 195 MB (1.3×). */
    public static final double[] PAPER_2FC = {147, 195};
    /** Table 2, MNIST 2C: EP 281 MB, BPTT 677 MB (2.4×). */
    public static final double[] PAPER_2C = {281, 677};

    private final List<MemoryComparison> rows;

    private MemoryStudy(List<MemoryComparison> rows) {
        this.rows = List.copyOf(rows);
    }

    /** A study of comparisons measured elsewhere (e.g. conv networks). */
    public static MemoryStudy of(List<MemoryComparison> rows) {
        return new MemoryStudy(rows);
    }

    /**
     * MNIST 1FC and 2FC with their Table 3 settings (1FC: N_perclass 10, T 60/15, β 0.75; 2FC: N_perclass 70,
     * T 60/15, β 0.5) on the first {@value #BATCH} training images (epoch 0 of the training source).
     *
     * @param mnist the MNIST splits
     * @return the study
     */
    public static MemoryStudy mnistDense(Splits mnist) {
        return mnist(mnist, "1FC", "2FC");
    }

    /**
     * Some of the dense MNIST architectures ("1FC", "2FC") with their Table 3 settings, in the order given, on the
     * first {@value #BATCH} training images (epoch 0 of the training source).
     *
     * @param mnist the MNIST splits
     * @param nets the architectures
     * @return the study
     */
    public static MemoryStudy mnist(Splits mnist, String... nets) {
        Batch b = mnist.train().forEpoch(0, 1).head(BATCH).batchesInOrder(BATCH).iterator().next();
        List<MemoryComparison> out = new ArrayList<>();
        for (String net : nets) {
            out.add(switch (net) {
                case "1FC" -> MemoryComparison.measure("1FC", SpikingEp.oneHidden(512, 10), 60, 15, 0.75, b, PAPER_1FC[0],
                        PAPER_1FC[1]);
                case "2FC" -> MemoryComparison.measure("2FC", SpikingEp.twoHidden(512, 70), 60, 15, 0.5, b, PAPER_2FC[0],
                        PAPER_2FC[1]);
                default -> throw new IllegalArgumentException("dense MNIST nets are 1FC and 2FC, got " + net);
            });
        }
        return new MemoryStudy(out);
    }

    /** A study with one more comparison. */
    public MemoryStudy with(MemoryComparison c) {
        List<MemoryComparison> out = new ArrayList<>(rows);
        out.add(c);
        return new MemoryStudy(out);
    }

    /** The comparisons. */
    public List<MemoryComparison> rows() {
        return rows;
    }

    /** One row per architecture: ours (MB, ratio, difference) and the paper's. */
    public Table table() {
        Table t = Table.create("memory of one training step, EP vs BPTT (Table 2): ours = what the learner references, paper = GPU MB")
                .addColumns(StringColumn.create("net"), IntColumn.create("batch"), IntColumn.create("T_free"),
                        DoubleColumn.create("EP MB"), DoubleColumn.create("BPTT MB"), DoubleColumn.create("BPTT / EP"),
                        DoubleColumn.create("BPTT − EP MB"), DoubleColumn.create("EP heap MB"),
                        DoubleColumn.create("BPTT heap MB"), DoubleColumn.create("paper EP MB"),
                        DoubleColumn.create("paper BPTT MB"), DoubleColumn.create("paper BPTT / EP"),
                        DoubleColumn.create("paper BPTT − EP MB"), DoubleColumn.create("EP step allocates MB"),
                        DoubleColumn.create("BPTT step allocates MB"));
        for (MemoryComparison c : rows) {
            t.stringColumn("net").append(c.architecture());
            t.intColumn("batch").append(c.batch());
            t.intColumn("T_free").append(c.tFree());
            t.doubleColumn("EP MB").append(round(c.ep().reachableMb(), 2));
            t.doubleColumn("BPTT MB").append(round(c.bptt().reachableMb(), 2));
            t.doubleColumn("BPTT / EP").append(round(c.ratio(), 2));
            t.doubleColumn("BPTT − EP MB").append(round(c.differenceMb(), 2));
            t.doubleColumn("EP heap MB").append(round(c.ep().retainedMb(), 2));
            t.doubleColumn("BPTT heap MB").append(round(c.bptt().retainedMb(), 2));
            t.doubleColumn("paper EP MB").append(c.paperEpMb());
            t.doubleColumn("paper BPTT MB").append(c.paperBpttMb());
            t.doubleColumn("paper BPTT / EP").append(round(c.paperRatio(), 2));
            t.doubleColumn("paper BPTT − EP MB").append(c.paperDifferenceMb());
            t.doubleColumn("EP step allocates MB").append(round(c.ep().stepAllocatedBytes() / 1e6, 3));
            t.doubleColumn("BPTT step allocates MB").append(round(c.bptt().stepAllocatedBytes() / 1e6, 3));
        }
        return t;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isFinite(v) ? Math.round(v * f) / f : v;
    }

    private static String note() {
        return "Ours: the bytes a learner references after two training steps, counted on its object graph (parameters, "
                + "gradient slots, its state pool, buffers: exact for the arrays, the same in every run); heap MB: the live JVM "
                + "heap it keeps after full garbage collections (MemoryMXBean; G1 counts whole regions for large arrays, so it "
                + "varies by a few MB between processes). BPTT records all T_free steps. The paper's GPU figures "
                + "include PyTorch's fixed cost (CUDA context, allocator cache), which dominates its 1FC/2FC rows; their "
                + "difference BPTT − EP is the comparable quantity.";
    }

    @Override
    public String toHtml() {
        return "<div>" + TableHtml.toHtml(table()) + "<p>" + Html.escape(note()) + "</p></div>";
    }

    @Override
    public String toText() {
        return TableHtml.toText(table()) + System.lineSeparator() + note();
    }

    @Override
    public String toString() {
        return "MemoryStudy" + rows.stream().map(c -> String.format(Locale.ROOT, "%s %.1f×", c.architecture(), c.ratio())).toList();
    }
}
