package org.plasticity.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A PNG picture of a data set: one row per class (up to 10 classes), the first {@code perClass}
 * samples of that class in storage order. Images ({@code {1,h,w}}, {@code {h,w}} or
 * {@code {3,h,w}} channel-first) are drawn as pixels, scaled to the data set's value range; 1-D
 * signals ({@code {L}} or {@code {1,L}}) are drawn as line plots.
 *
 * @param data the data set
 * @param perClass samples per row
 */
public record SampleGrid(Dataset data, int perClass) {

    private static final int MAX_ROWS = 10;

    /** Validates the arguments. */
    public SampleGrid {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be ≥ 1, got " + perClass);
        }
    }

    /** Whether this data set has a shape the grid can draw. */
    public static boolean canDraw(Dataset d) {
        int[] s = d.sampleShape();
        return s.length == 1 || (s.length == 2 && (s[0] == 1 || s[0] > 3)) || (s.length == 3 && (s[0] == 1 || s[0] == 3));
    }

    /** The picture. */
    public BufferedImage render() {
        int[] s = data.sampleShape();
        boolean signal = s.length == 1 || (s.length == 2 && s[0] == 1);
        int rows = Math.min(MAX_ROWS, data.classCount());
        int cellW = signal ? 96 : 2 * s[s.length - 1];
        int cellH = signal ? 40 : 2 * s[s.length - 2];
        int gap = 2;
        BufferedImage img = new BufferedImage(perClass * (cellW + gap) + gap, rows * (cellH + gap) + gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        float[] range = valueRange();
        int[] shown = new int[rows];
        for (int i = 0; i < data.size(); i++) {
            int c = data.label(i);
            if (c < rows && shown[c] < perClass) {
                int x0 = gap + shown[c] * (cellW + gap);
                int y0 = gap + c * (cellH + gap);
                if (signal) {
                    drawSignal(g, i, x0, y0, cellW, cellH, range);
                } else {
                    drawImage(img, i, x0, y0, range);
                }
                shown[c]++;
            }
        }
        g.dispose();
        return img;
    }

    /** The picture as PNG bytes. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An {@code <img>} element with the PNG inlined as a data: URI. */
    public String toHtmlImg() {
        return "<img alt=\"samples of " + org.plasticity.display.Html.escape(data.name()) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png()) + "\"/>";
    }

    /** Writes the PNG to {@code file}. */
    public Path toPng(Path file) {
        try {
            java.nio.file.Files.write(file, png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private float[] valueRange() {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        float[] x = data.features();
        int limit = Math.min(x.length, 2_000_000);
        for (int i = 0; i < limit; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        return hi > lo ? new float[] {lo, hi} : new float[] {lo, lo + 1};
    }

    private void drawImage(BufferedImage img, int sample, int x0, int y0, float[] range) {
        int[] s = data.sampleShape();
        int ch = s.length == 3 ? s[0] : 1;
        int h = s[s.length - 2];
        int w = s[s.length - 1];
        float[] x = data.features();
        int off = sample * data.featureCount();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    int plane = ch == 3 ? k : 0;
                    float v = (x[off + plane * h * w + r * w + c] - range[0]) / (range[1] - range[0]);
                    int b = Math.max(0, Math.min(255, Math.round(v * 255)));
                    rgb = (rgb << 8) | (ch == 3 ? b : 255 - b);
                }
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        img.setRGB(x0 + 2 * c + dx, y0 + 2 * r + dy, rgb);
                    }
                }
            }
        }
    }

    private void drawSignal(Graphics2D g, int sample, int x0, int y0, int w, int h, float[] range) {
        int len = data.featureCount();
        float[] x = data.features();
        int off = sample * len;
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(x0, y0, w, h);
        g.setColor(new Color(0x1F4E79));
        g.setStroke(new BasicStroke(1.2f));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int px = -1;
        int py = -1;
        for (int t = 0; t < len; t++) {
            int cx = x0 + (len == 1 ? 0 : t * (w - 1) / (len - 1));
            int cy = y0 + h - 1 - Math.round((x[off + t] - range[0]) / (range[1] - range[0]) * (h - 1));
            if (px >= 0) {
                g.drawLine(px, py, cx, cy);
            }
            px = cx;
            py = cy;
        }
    }

    @Override
    public String toString() {
        return "SampleGrid[" + data.name() + ", " + perClass + " per class]";
    }
}
