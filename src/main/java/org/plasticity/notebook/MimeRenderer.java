package org.plasticity.notebook;

import java.awt.image.RenderedImage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import org.plasticity.display.Displayable;
import org.plasticity.display.TableHtml;
import org.plasticity.results.ReproductionRow;
import org.plasticity.train.TrainingProgress;
import org.plasticity.train.TrainingRun;
import tech.tablesaw.api.Table;

/**
 * The one renderer of the project: turns result objects into MIME bundles. Kernel adapters
 * ({@link RapaioDisplayProvider}, {@link JJavaExtension}) register one entry per
 * {@linkplain #types() rendered type} and delegate here, so every kernel shows the same output.
 *
 * <p>Rendered types, most specific first: {@link TrainingRun} (summary, history and learning-curve
 * PNG), {@link TrainingProgress} (progress bar and a small live chart), any {@link Displayable}
 * (its HTML), Tablesaw {@link Table} ({@link TableHtml}), XChart charts (PNG, and SVG when
 * {@link ChartBundles#svgEnabled()}), images ({@link RenderedImage}, e.g. a {@code BufferedImage}: PNG)
 * and single {@link ReproductionRow}s (a one-row paper-vs-ours table).
 */
public final class MimeRenderer {

    /**
     * A rendered type: the class, the MIME types its bundles carry (preferred first), the function.
     *
     * @param type class whose instances (and subclasses') are rendered
     * @param mimeTypes MIME types of the bundle, richest first, {@code text/plain} last
     * @param render the rendering function
     */
    public record Entry(Class<?> type, List<String> mimeTypes, Function<Object, MimeBundle> render) {
        /** Copies the MIME list. */
        public Entry {
            mimeTypes = List.copyOf(mimeTypes);
        }

        @Override
        public String toString() {
            return type.getSimpleName() + " → " + mimeTypes;
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(TrainingRun.class, List.of(MimeBundle.HTML, MimeBundle.PNG, MimeBundle.TEXT),
                    o -> ResultBundles.run((TrainingRun) o)),
            new Entry(TrainingProgress.class, List.of(MimeBundle.HTML, MimeBundle.PNG, MimeBundle.TEXT),
                    o -> ResultBundles.progress((TrainingProgress) o)),
            new Entry(Displayable.class, List.of(MimeBundle.HTML, MimeBundle.TEXT),
                    o -> MimeBundle.html(((Displayable) o).toHtml(), ((Displayable) o).toText())),
            new Entry(Table.class, List.of(MimeBundle.HTML, MimeBundle.TEXT),
                    o -> MimeBundle.html(TableHtml.toHtml((Table) o), TableHtml.toText((Table) o))),
            new Entry(Chart.class, List.of(MimeBundle.PNG, MimeBundle.SVG, MimeBundle.TEXT),
                    o -> ChartBundles.chart((Chart<?, ?>) o)),
            new Entry(RenderedImage.class, List.of(MimeBundle.PNG, MimeBundle.TEXT),
                    o -> ImageBundles.image((RenderedImage) o)),
            new Entry(ReproductionRow.class, List.of(MimeBundle.HTML, MimeBundle.TEXT),
                    o -> ImageBundles.row((ReproductionRow) o)));

    private MimeRenderer() {
    }

    /** The rendered types, most specific first (adapters register them in this order). */
    public static List<Entry> types() {
        return ENTRIES;
    }

    /** The entry for {@code type}: the first whose class is a supertype of it. */
    public static Optional<Entry> entryFor(Class<?> type) {
        return ENTRIES.stream().filter(e -> e.type().isAssignableFrom(type)).findFirst();
    }

    /**
     * Renders {@code value} if its type is one of {@link #types()}.
     *
     * @param value any object (null gives empty)
     * @return the bundle, or empty for types this renderer does not know
     */
    public static Optional<MimeBundle> render(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return entryFor(value.getClass()).map(e -> e.render().apply(value));
    }

    /**
     * The plain-text form of any value, without rendering images: what JShell users see from
     * {@link Show#show(Object)}.
     *
     * @param value any object
     * @return the text
     */
    public static String text(Object value) {
        if (value instanceof Chart<?, ?> chart) {
            return ChartBundles.describe(chart);
        }
        if (value instanceof Table t) {
            return TableHtml.toText(t);
        }
        if (value instanceof Displayable d) {
            return d.toText();
        }
        if (value instanceof RenderedImage image) {
            return ImageBundles.describe(image);
        }
        return String.valueOf(value);
    }

    /** Whether {@code mime} is rendered for instances of {@code type}. */
    public static boolean supports(Class<?> type, String mime) {
        return entryFor(type).map(e -> e.mimeTypes().contains(mime)).orElse(false);
    }

    /** The MIME types this renderer can produce at all. */
    public static Set<String> allMimeTypes() {
        return Set.of(MimeBundle.HTML, MimeBundle.PNG, MimeBundle.SVG, MimeBundle.TEXT);
    }

    @Override
    public String toString() {
        return "MimeRenderer" + ENTRIES;
    }
}
