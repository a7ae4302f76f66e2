package org.plasticity.data.encode;

import java.util.SplittableRandom;
import org.plasticity.data.DataProvenance;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.random.Seeds;

/**
 * <b>STAND-IN for DVS128 Gesture</b> (not obtainable here): synthetic event streams from moving,
 * rotating MNIST digits, time-binned into frames like DVS Gesture inputs. It is not DVS Gesture;
 * results on it are labelled {@code event-mnist-standin} and never reported as the paper's number.
 *
 * <p>Per sample: the 28×28 digit is placed at the centre of a {@code size×size} canvas and moves
 * along a straight line (speed uniform in [0, maxSpeed] px/bin, direction uniform) while rotating
 * (uniform in ±maxRotation rad/bin), rendered with bilinear sampling at each bin. A simplified
 * DVS pixel model turns the rendered frames into events: each pixel keeps a reference
 * log-intensity {@code ln(I + 0.05)}, initialised at bin 0; whenever the current log-intensity
 * differs from it by {@code n ≥ 1} thresholds, {@code n} ON (brighter) or OFF (darker) events are
 * emitted in that bin and the reference moves by {@code n} thresholds. Frame {@code t} holds the
 * event counts per polarity: sample shape {@code {frames, 2, size, size}} (channel 0 = ON).
 * Label = digit class.
 */
public final class EventStreamStandIn {

    /** The data set id of results on this stand-in. */
    public static final String DATASET_ID = "event-mnist-standin";

    private EventStreamStandIn() {
    }

    /**
     * Converts an image split into event streams (train from the epoch-0 training set).
     *
     * @param images 28×28 images in [0, 1] (e.g. {@code Datasets.mnist().limit(2000, 500)})
     * @param config motion and sensor constants
     * @return splits named {@value #DATASET_ID}, marked non-standard
     */
    public static Splits of(Splits images, EventStreamConfig config) {
        Dataset train = convert(images.trainSet(), config, 0);
        Dataset valid = convert(images.validation(), config, 1);
        Dataset test = convert(images.test(), config, 2);
        DataProvenance p = new DataProvenance(DATASET_ID, DataProvenance.sha256(images.provenance().checksum() + config), false,
                "STAND-IN for DVS128 Gesture: event frames from moving " + images.name() + " digits, " + config);
        return new Splits(DATASET_ID, train, valid, test, p);
    }

    /**
     * Converts one data set of 28×28 images into event frames.
     *
     * @param part index of the split (0 train, 1 validation, 2 test), mixed into the seed
     */
    public static Dataset convert(Dataset images, EventStreamConfig config, int part) {
        if (images.featureCount() != 784) {
            throw new IllegalArgumentException("the event stand-in needs 28×28 images, got " + images.featureCount() + " values per sample");
        }
        int s = config.size();
        int frameLen = 2 * s * s;
        int per = config.frames() * frameLen;
        float[] out = new float[images.size() * per];
        float[] img = new float[784];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.features(), i * 784, img, 0, 784);
            SplittableRandom rng = Seeds.stream(config.seed(), Seeds.DATA, 0xE7, part, i);
            events(img, config, rng, out, i * per);
        }
        return new Dataset(images.name().replaceFirst("^[^/]*", DATASET_ID), out, images.labels().clone(),
                new int[] {config.frames(), 2, s, s}, images.classCount());
    }

    /**
     * A drawable summary: per sample, ON minus OFF events summed over time, shape {@code {1, size, size}}.
     */
    public static Dataset summed(Dataset events) {
        int[] sh = events.sampleShape();
        int t = sh[0];
        int area = sh[2] * sh[3];
        float[] out = new float[events.size() * area];
        float[] x = events.features();
        for (int i = 0; i < events.size(); i++) {
            int base = i * events.featureCount();
            for (int f = 0; f < t; f++) {
                int fo = base + f * 2 * area;
                for (int p = 0; p < area; p++) {
                    out[i * area + p] += x[fo + p] - x[fo + area + p];
                }
            }
        }
        return new Dataset(events.name() + "/summed", out, events.labels(), new int[] {1, sh[2], sh[3]}, events.classCount());
    }

    private static void events(float[] img, EventStreamConfig c, SplittableRandom rng, float[] out, int offset) {
        int s = c.size();
        double speed = c.maxSpeed() * rng.nextDouble();
        double dir = 2 * Math.PI * rng.nextDouble();
        double vx = speed * Math.cos(dir);
        double vy = speed * Math.sin(dir);
        double omega = c.maxRotation() * (2 * rng.nextDouble() - 1);
        double[] ref = new double[s * s];
        double[] frame = new double[s * s];
        for (int t = 0; t < c.frames(); t++) {
            render(img, s, vx * t, vy * t, omega * t, frame);
            int fo = offset + t * 2 * s * s;
            for (int p = 0; p < s * s; p++) {
                double l = Math.log(frame[p] + EventStreamConfig.LOG_EPS);
                if (t == 0) {
                    ref[p] = l;
                    continue;
                }
                int n = (int) (Math.abs(l - ref[p]) / c.contrastThreshold());
                if (n > 0) {
                    boolean on = l > ref[p];
                    out[fo + (on ? 0 : s * s) + p] = n;
                    ref[p] += (on ? n : -n) * c.contrastThreshold();
                }
            }
        }
    }

    /** Renders the digit centred on the canvas, shifted by (dx, dy) and rotated by {@code angle}. */
    private static void render(float[] img, int s, double dx, double dy, double angle, double[] frame) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double centre = (s - 1) / 2.0;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double u = x - centre - dx;
                double v = y - centre - dy;
                double sx = cos * u + sin * v + 13.5;
                double sy = -sin * u + cos * v + 13.5;
                frame[y * s + x] = bilinear(img, sx, sy);
            }
        }
    }

    private static double bilinear(float[] img, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fx) * (1 - fy) * px(img, x0, y0) + fx * (1 - fy) * px(img, x0 + 1, y0)
                + (1 - fx) * fy * px(img, x0, y0 + 1) + fx * fy * px(img, x0 + 1, y0 + 1);
    }

    private static double px(float[] img, int x, int y) {
        return x < 0 || y < 0 || x >= 28 || y >= 28 ? 0 : img[y * 28 + x];
    }
}
