package org.plasticity.notebook;

import java.util.List;
import java.util.Locale;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * The rapaio-jupyter-kernel adapter: one {@link DisplayRenderer} per {@link MimeRenderer} type,
 * found by the kernel through
 * {@code META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider} when our jar is
 * on {@code RJK_CLASSPATH} (or added with {@code %jar}). {@code display(obj)} shows the whole
 * bundle; {@code display("png", chart)} or {@code display("text/html", table)} only that type
 * (plus text).
 */
public final class RapaioDisplayProvider implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return MimeRenderer.types().stream().<DisplayRenderer>map(Adapter::new).toList();
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    /**
     * Converts a bundle into the kernel's display data.
     *
     * @param bundle the bundle
     * @param mime null for all types, else the one type wanted (text/plain is always kept)
     * @return the kernel's display data
     */
    static DisplayData toDisplayData(MimeBundle bundle, String mime) {
        String wanted = normalize(mime);
        DisplayData dd = DisplayData.withType(MimeBundle.TEXT, bundle.text());
        bundle.data().forEach((k, v) -> {
            if (!k.equals(MimeBundle.TEXT) && (wanted == null || wanted.equals(k))) {
                dd.putData(k, v);
            }
        });
        return dd;
    }

    /** Maps the short names cells use ({@code html}, {@code png}, {@code svg}, {@code text}) to MIME types. */
    static String normalize(String mime) {
        if (mime == null || mime.isBlank()) {
            return null;
        }
        String m = mime.trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "html" -> MimeBundle.HTML;
            case "png" -> MimeBundle.PNG;
            case "svg" -> MimeBundle.SVG;
            case "text", "plain" -> MimeBundle.TEXT;
            default -> m;
        };
    }

    @Override
    public String toString() {
        return "RapaioDisplayProvider" + MimeRenderer.types();
    }

    private record Adapter(MimeRenderer.Entry entry) implements DisplayRenderer {

        @Override
        public Class<?> rendererClass() {
            return entry.type();
        }

        @Override
        public boolean canRender(String mime) {
            String m = normalize(mime);
            return m == null || entry.mimeTypes().contains(m);
        }

        @Override
        public DisplayData render(String mime, Object o) {
            return toDisplayData(entry.render().apply(o), mime);
        }
    }
}
