package org.plasticity.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;

/**
 * Compact renderings of a Tablesaw {@link Table} without a kernel: an HTML fragment (column types
 * under the names, numbers right-aligned and formatted) and a fixed-width text form for JShell and
 * logs. The HTML carries every row up to {@link #maxRows()}; a table longer than
 * {@link #VISIBLE_ROWS} rows sits in a scroll box (header kept in view) under a caption with its
 * row count, so a reader can scroll through all of them. Only beyond {@code maxRows} (and, for the
 * text form, beyond {@link #textRows()}) is the table cut to head and tail with a
 * "… N more rows …" row.
 *
 * <p>Result objects embed tables in their own {@link Displayable#toHtml()} with
 * {@link #toHtml(Table)}; notebook renderers use the same code. The {@code <table>} element
 * carries {@code data-rows} (the table's row count) and {@code data-shown-rows} (rows in the HTML),
 * so a rendering check can count them.
 *
 * @param maxRows rows the HTML shows before the table is cut (head and tail split about 2:1)
 * @param maxColumns columns shown before the table is cut (head and tail)
 * @param textRows rows the text form shows before it is cut
 */
public record TableHtml(int maxRows, int maxColumns, int textRows) {

    /** HTML up to 2,000 rows (scrollable), 16 columns; text up to 40 rows. */
    public static final TableHtml DEFAULT = new TableHtml(2000, 16, 40);

    /** Rows visible at once before the HTML table scrolls. */
    public static final int VISIBLE_ROWS = 20;

    /** Validates the limits. */
    public TableHtml {
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows must be at least 2, got " + maxRows);
        }
        if (maxColumns < 2) {
            throw new IllegalArgumentException("maxColumns must be at least 2, got " + maxColumns);
        }
        if (textRows < 2) {
            throw new IllegalArgumentException("textRows must be at least 2, got " + textRows);
        }
    }

    /**
     * Limits with the same row limit for HTML and text.
     *
     * @param maxRows rows shown before the table is cut, in HTML and text
     * @param maxColumns columns shown before the table is cut
     */
    public TableHtml(int maxRows, int maxColumns) {
        this(maxRows, maxColumns, maxRows);
    }

    /** A copy whose HTML shows up to {@code n} rows. */
    public TableHtml withMaxRows(int n) {
        return new TableHtml(n, maxColumns, textRows);
    }

    /** A copy showing up to {@code n} columns. */
    public TableHtml withMaxColumns(int n) {
        return new TableHtml(maxRows, n, textRows);
    }

    /** A copy whose text form shows up to {@code n} rows. */
    public TableHtml withTextRows(int n) {
        return new TableHtml(maxRows, maxColumns, n);
    }

    /** {@link #render(Table)} with the default limits. */
    public static String toHtml(Table table) {
        return DEFAULT.render(table);
    }

    /** {@link #renderText(Table)} with the default limits. */
    public static String toText(Table table) {
        return DEFAULT.renderText(table);
    }

    /**
     * The HTML fragment: a caption with the table name and size, a header with names and types,
     * and the body (cut only beyond {@link #maxRows()}); longer than {@link #VISIBLE_ROWS} rows,
     * the table scrolls inside a box. Inline styles only, no scripts.
     *
     * @param table the table
     * @return a self-contained fragment ({@code <table>}, in a scroll box when long)
     */
    public String render(Table table) {
        List<Integer> rows = shownIndices(table.rowCount(), maxRows);
        List<Integer> cols = shownIndices(table.columnCount(), maxColumns);
        int[] decimals = decimals(table, rows, cols);
        boolean scroll = table.rowCount() > VISIBLE_ROWS;
        int shown = rows.size() - (rows.contains(null) ? 1 : 0);
        StringBuilder sb = new StringBuilder(512 + 48 * rows.size() * cols.size());
        String caption = caption(table, shown, scroll);
        if (scroll) {
            sb.append("<div class=\"plasticity-table-box\"><div style=\"font-size:12px;margin:2px 0\">").append(caption)
                    .append("</div><div style=\"max-height:").append(VISIBLE_ROWS * 22 + 40)
                    .append("px;overflow:auto;display:inline-block;max-width:100%;border:1px solid #ddd\">");
        }
        sb.append("<table class=\"plasticity-table\" data-rows=\"").append(table.rowCount())
                .append("\" data-shown-rows=\"").append(shown)
                .append("\" style=\"border-collapse:collapse;font-size:12px\">");
        if (!scroll) {
            sb.append("<caption style=\"text-align:left;caption-side:top\">").append(caption).append("</caption>");
        }
        sb.append("<thead><tr>");
        String sticky = scroll ? "position:sticky;top:0;background:#fff;" : "";
        for (Integer c : cols) {
            if (c == null) {
                sb.append(sticky.isEmpty() ? "<th>" : "<th style=\"" + sticky + "\">").append("…</th>");
                continue;
            }
            Column<?> col = table.column(c);
            sb.append("<th style=\"").append(sticky).append("text-align:").append(align(col)).append("\">")
                    .append(Html.escape(col.name()))
                    .append("<br><span style=\"color:#888;font-weight:normal;font-size:10px\">")
                    .append(typeName(col.type())).append("</span></th>");
        }
        sb.append("</tr></thead><tbody>");
        for (Integer r : rows) {
            if (r == null) {
                sb.append("<tr class=\"plasticity-gap\"><td colspan=\"").append(cols.size())
                        .append("\" style=\"text-align:center;color:#777\">… ").append(table.rowCount() - shown)
                        .append(" more rows …</td></tr>");
                continue;
            }
            sb.append("<tr>");
            for (int j = 0; j < cols.size(); j++) {
                Integer c = cols.get(j);
                if (c == null) {
                    sb.append("<td>…</td>");
                    continue;
                }
                Column<?> col = table.column(c);
                sb.append("<td style=\"text-align:").append(align(col)).append("\">")
                        .append(Html.escape(cell(col, r, decimals[j]))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        return scroll ? sb.append("</div></div>").toString() : sb.toString();
    }

    private static String caption(Table table, int shown, boolean scroll) {
        StringBuilder sb = new StringBuilder("<b>").append(Html.escape(table.name())).append("</b> <span style=\"color:#777\">")
                .append(table.rowCount()).append(" rows × ").append(table.columnCount()).append(" columns");
        if (shown < table.rowCount()) {
            sb.append(" · first and last ").append(shown).append(" shown");
        } else if (scroll) {
            sb.append(" · scroll to see all ").append(table.rowCount());
        }
        return sb.append("</span>").toString();
    }

    /**
     * The fixed-width text form: a title line, names, types, and the rows (cut to head and tail
     * beyond {@link #textRows()}).
     *
     * @param table the table
     * @return lines separated by {@code \n}
     */
    public String renderText(Table table) {
        List<Integer> rows = shownIndices(table.rowCount(), textRows);
        List<Integer> cols = shownIndices(table.columnCount(), maxColumns);
        int[] decimals = decimals(table, rows, cols);
        List<String[]> lines = new ArrayList<>();
        String[] names = new String[cols.size()];
        String[] types = new String[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            Integer c = cols.get(j);
            names[j] = c == null ? "…" : table.column(c).name();
            types[j] = c == null ? "" : typeName(table.column(c).type());
        }
        lines.add(names);
        lines.add(types);
        for (Integer r : rows) {
            String[] line = new String[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                Integer c = cols.get(j);
                line[j] = r == null ? (j == 0 ? "…" : "") : c == null ? "…" : cell(table.column(c), r, decimals[j]);
            }
            lines.add(line);
        }
        int[] width = new int[cols.size()];
        for (String[] line : lines) {
            for (int j = 0; j < line.length; j++) {
                width[j] = Math.max(width[j], line[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(table.name()).append(" (").append(table.rowCount()).append(" rows × ").append(table.columnCount())
                .append(" columns)");
        int hidden = table.rowCount() - (rows.size() - (rows.contains(null) ? 1 : 0));
        for (int i = 0; i < lines.size(); i++) {
            sb.append('\n');
            String[] line = lines.get(i);
            boolean gap = i >= 2 && rows.get(i - 2) == null;
            if (gap) {
                sb.append("… ").append(hidden).append(" more rows …");
                continue;
            }
            for (int j = 0; j < line.length; j++) {
                Integer c = cols.get(j);
                boolean right = c != null && table.column(c) instanceof NumericColumn;
                String f = "%" + (right ? "" : "-") + width[j] + "s";
                sb.append(j == 0 ? "" : "  ").append(String.format(Locale.ROOT, f, line[j]));
            }
        }
        return sb.toString().replaceAll(" +\n", "\n").stripTrailing();
    }

    /**
     * Row or column indices to show: all when {@code n <= max}, else a head, a {@code null}
     * marker for the gap, and a tail.
     */
    static List<Integer> shownIndices(int n, int max) {
        List<Integer> out = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        int head = (2 * max + 2) / 3;
        int tail = max - head;
        for (int i = 0; i < head; i++) {
            out.add(i);
        }
        out.add(null);
        for (int i = n - tail; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /**
     * A cell as text: floating-point numbers with the column's common number of decimals (so that
     * they align), very large or small ones in scientific notation, missing values empty.
     */
    static String cell(Column<?> col, int row, int decimals) {
        if (col.isMissing(row)) {
            return "";
        }
        if (isFloating(col)) {
            double v = ((NumericColumn<?>) col).getDouble(row);
            String f = formatNumber(v);
            if (decimals <= 0 || f.contains("e") || !Double.isFinite(v)) {
                return f;
            }
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        return col.getString(row);
    }

    /** Per shown column: the most decimals {@link #formatNumber(double)} uses for its shown values. */
    private static int[] decimals(Table table, List<Integer> rows, List<Integer> cols) {
        int[] out = new int[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            Integer c = cols.get(j);
            if (c == null || !isFloating(table.column(c))) {
                continue;
            }
            NumericColumn<?> col = (NumericColumn<?>) table.column(c);
            for (Integer r : rows) {
                if (r != null && !col.isMissing(r)) {
                    String f = formatNumber(col.getDouble(r));
                    int dot = f.indexOf('.');
                    if (dot >= 0 && !f.contains("e")) {
                        out[j] = Math.max(out[j], f.length() - dot - 1);
                    }
                }
            }
        }
        return out;
    }

    /** By class, not by {@code ColumnType} identity: Tablesaw's type singletons can be created twice. */
    private static boolean isFloating(Column<?> col) {
        return col instanceof DoubleColumn || col instanceof FloatColumn;
    }

    /**
     * Formats a floating-point value for tables: integral values without decimals, ordinary
     * magnitudes with four significant digits (at most six decimals), very large or small ones in
     * scientific notation.
     *
     * @param v the value
     * @return the text
     */
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) {
            return String.valueOf((long) v);
        }
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int intDigits = a >= 1 ? (int) Math.floor(Math.log10(a)) + 1 : 0;
        int leadingZeros = a < 1 ? (int) Math.floor(-Math.log10(a)) : 0;
        int decimals = Math.min(6, Math.max(0, 4 - intDigits) + leadingZeros);
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String align(Column<?> col) {
        return col instanceof NumericColumn ? "right" : "left";
    }

    /** Short lower-case type names: double, float, int, long, short, string, bool, date, time, datetime, instant. */
    static String typeName(ColumnType t) {
        return switch (t.name()) {
            case "INTEGER" -> "int";
            case "BOOLEAN" -> "bool";
            case "LOCAL_DATE" -> "date";
            case "LOCAL_TIME" -> "time";
            case "LOCAL_DATE_TIME" -> "datetime";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public String toString() {
        return "TableHtml[maxRows=" + maxRows + ", maxColumns=" + maxColumns + ", textRows=" + textRows + "]";
    }
}
