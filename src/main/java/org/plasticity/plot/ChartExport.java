package org.plasticity.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.plasticity.io.AtomicFiles;

/**
 * Kernel-free exports of any XChart chart: PNG and SVG files (written to a temporary file and
 * renamed, so a file is never half-written), an in-memory image, and the byte/text forms the
 * notebook renderers embed. Works headless ({@code -Djava.awt.headless=true}). Every export
 * first applies {@link ChartStyle#finish} (markers for single points, tick labels on every axis,
 * legends and category labels that fit).
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
        return BitmapEncoder.getBufferedImage(ChartStyle.finish(chart));
    }

    /**
     * The chart as PNG bytes.
     *
     * @param chart the chart
     * @return the PNG file content
     */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(ChartStyle.finish(chart), BitmapEncoder.BitmapFormat.PNG);
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
            VectorGraphicsEncoder.saveVectorGraphic(ChartStyle.finish(chart), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
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
        AtomicFiles.write(file, pngBytes(chart));
        return file;
    }

    /**
     * Writes the chart as an SVG file (parent directories are created).
     *
     * @param chart the chart
     * @param file target file, usually ending in {@code .svg}
     * @return {@code file}
     */
    public static Path toSvg(Chart<?, ?> chart, Path file) {
        AtomicFiles.writeString(file, svg(chart));
        return file;
    }
}
