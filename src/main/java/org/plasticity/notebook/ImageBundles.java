package org.plasticity.notebook;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.plasticity.display.TableHtml;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;

/**
 * MIME bundles of plain images ({@code image/png}; e.g. the {@code BufferedImage}s of
 * {@code LocalCaCharts}) and of single result rows (their one-row paper-vs-ours table as HTML).
 */
final class ImageBundles {

    private ImageBundles() {
    }

    static MimeBundle image(RenderedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("no PNG writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode an image as PNG", e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MimeBundle.PNG, Base64.getEncoder().encodeToString(png.toByteArray()));
        m.put(MimeBundle.TEXT, describe(image));
        return new MimeBundle(m);
    }

    static String describe(RenderedImage image) {
        return "image " + image.getWidth() + "×" + image.getHeight() + " px";
    }

    static MimeBundle row(ReproductionRow row) {
        return MimeBundle.html(TableHtml.toHtml(ResultsCsv.paperVsOurs(List.of(row))), row.toString());
    }
}
