package org.plasticity.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.UUID;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Kernel-free exports of any XChart chart: PNG and SVG files (written to a temporary file and
 * renamed, so a file is never half-written), an in-memory image, and the byte/text forms the
 * notebook renderers embed. Works headless ({@code -Djava.awt.headless=true}).
 */
public final class ChartExport {

    private ChartExport() {
    }

    /**
     * Renders the chart into an image.
     *
     * @param chart the chart
     * @return a new image of the chart's size
     */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * The chart as PNG bytes.
     *
     * @param chart the chart
     * @return the PNG file content
     */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    /**
     * The chart as base64-encoded PNG (the form Jupyter's {@code image/png} expects).
     *
     * @param chart the chart
     * @return base64 text without line breaks
     */
    public static String pngBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(pngBytes(chart));
    }

    /**
     * The chart as an SVG document (text drawn as SVG text).
     *
     * @param chart the chart
     * @return the SVG markup
     */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart '" + chart.getTitle() + "' as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the chart as a PNG file (parent directories are created).
     *
     * @param chart the chart
     * @param file target file, usually ending in {@code .png}
     * @return {@code file}
     */
    public static Path toPng(Chart<?, ?> chart, Path file) {
        byte[] png = pngBytes(chart);
        return writeAtomically(file, out -> out.write(png));
    }

    /**
     * Writes the chart as an SVG file (parent directories are created).
     *
     * @param chart the chart
     * @param file target file, usually ending in {@code .svg}
     * @return {@code file}
     */
    public static Path toSvg(Chart<?, ?> chart, Path file) {
        byte[] svg = svg(chart).getBytes(StandardCharsets.UTF_8);
        return writeAtomically(file, out -> out.write(svg));
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static Path writeAtomically(Path file, Writer writer) {
        Path abs = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = abs.resolveSibling("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
            }
            throw new UncheckedIOException("could not write " + abs + ": " + e.getMessage(), e);
        }
    }
}
