package org.plasticity.data.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.SampleGrid;
import org.plasticity.data.Splits;

class EncodersTest {

    private static Batch ramp() {
        float[] x = {0f, 0.25f, 0.5f, 1f, 1.5f, -1f};
        return new Batch(x, new int[] {0}, 1, 6);
    }

    @Test
    void rateCodingFiresWithProbabilityMaxRateTimesValue() {
        RateEncoder enc = new RateEncoder(20_000, 0.5);
        float[] s = enc.encode(ramp(), new SplittableRandom(1));
        double[] expected = {0, 0.125, 0.25, 0.5, 0.5, 0};
        for (int j = 0; j < 6; j++) {
            int count = 0;
            for (int t = 0; t < 20_000; t++) {
                float v = s[t * 6 + j];
                assertTrue(v == 0f || v == 1f);
                count += (int) v;
            }
            double p = expected[j];
            double sd = Math.sqrt(p * (1 - p) / 20_000);
            assertEquals(p, count / 20_000.0, 5 * sd + 1e-12, "feature " + j);
        }
        assertArrayEquals(s, enc.encode(ramp(), new SplittableRandom(1)), "same stream, same spikes");
        assertThrows(IllegalArgumentException.class, () -> new RateEncoder(10, 1.5));
    }

    @Test
    void latencyCodingSpikesOnceBrighterEarlier() {
        LatencyEncoder lin = LatencyEncoder.linear(11);
        assertEquals(-1, lin.spikeTime(0f));
        assertEquals(0, lin.spikeTime(1f));
        assertEquals(5, lin.spikeTime(0.5f));
        assertEquals(0, lin.spikeTime(1.5f), "values above 1 are clipped");
        float[] s = lin.encode(ramp());
        for (int j = 0; j < 6; j++) {
            int count = 0;
            for (int t = 0; t < 11; t++) {
                count += (int) s[t * 6 + j];
            }
            assertEquals(j == 0 || j == 5 ? 0 : 1, count, "feature " + j);
        }
        LatencyEncoder rc = LatencyEncoder.rc(50, 5);
        assertTrue(rc.spikeTime(0.9f) < rc.spikeTime(0.3f));
        assertEquals(3, rc.spikeTime(0.5f), "5 ln(0.5 / 0.3) = 2.55");
        assertEquals(-1, rc.spikeTime(0.19f));
    }

    private static Dataset blobs(int n) {
        float[] x = new float[n * 784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            for (int r = 10; r < 18; r++) {
                for (int c = 6 + i % 5; c < 14 + i % 5; c++) {
                    x[i * 784 + r * 28 + c] = 1f;
                }
            }
        }
        return new Dataset("blobs/train", x, y, new int[] {1, 28, 28}, 10);
    }

    @Test
    void staticDigitsEmitNoEventsMovingOnesEmitBothPolarities() {
        Dataset d = blobs(20);
        Dataset still = EventStreamStandIn.convert(d, EventStreamConfig.defaults().withMaxSpeed(0).withMaxRotation(0), 0);
        for (float v : still.features()) {
            assertEquals(0f, v);
        }
        EventStreamConfig cfg = EventStreamConfig.defaults().withMaxSpeed(1.0);
        Dataset moving = EventStreamStandIn.convert(d, cfg, 0);
        assertArrayEquals(new int[] {20, 2, 32, 32}, moving.sampleShape());
        assertArrayEquals(d.labels(), moving.labels());
        double on = 0;
        double off = 0;
        for (int i = 0; i < moving.size(); i++) {
            for (int t = 0; t < 20; t++) {
                int base = i * moving.featureCount() + t * 2048;
                for (int p = 0; p < 1024; p++) {
                    on += moving.features()[base + p];
                    off += moving.features()[base + 1024 + p];
                }
            }
        }
        assertTrue(on > 100 && off > 100, "on " + on + ", off " + off);
        assertEquals(1.0, on / off, 0.35, "a moving blob brightens as many pixels as it darkens");
        assertArrayEquals(moving.features(), EventStreamStandIn.convert(d, cfg, 0).features());
        assertFalse(Arrays.equals(moving.features(), EventStreamStandIn.convert(d, cfg.withSeed(1), 0).features()));
    }

    @Test
    void splitsAreLabelledAsStandIn() {
        Dataset d = blobs(10);
        Splits s = EventStreamStandIn.of(new Splits("blobs", d, d.head(0), d.head(4)), EventStreamConfig.defaults().withFrames(4));
        assertEquals("event-mnist-standin", s.name());
        assertFalse(s.provenance().standardSplit());
        assertTrue(s.provenance().description().startsWith("STAND-IN for DVS128 Gesture"));
        assertTrue(SampleGrid.canDraw(EventStreamStandIn.summed(s.test())));
    }
}
