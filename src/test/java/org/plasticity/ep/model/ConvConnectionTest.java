package org.plasticity.ep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.testing.FiniteDifferences;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;

/** Convolution + pooling couplings against a direct convolution and finite differences of Φ. */
class ConvConnectionTest {

    private static float[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    @Test
    void forwardMatchesDirectConvolutionWithStrideAndPadding() {
        ConvSpec spec = new ConvSpec(3, 3, 2, 1, Pooling.NONE);
        ConvConnection c = new ConvConnection("0", 2, 7, 6, spec, 1, FloatKernels.get());
        float[] wv = c.parameters().get(0).value();
        float[] bv = c.parameters().get(1).value();
        System.arraycopy(random(wv.length, 1), 0, wv, 0, wv.length);
        System.arraycopy(random(bv.length, 2), 0, bv, 0, bv.length);
        float[] in = random(2 * 2 * 7 * 6, 3);
        float[] out = new float[2 * c.outSize()];
        c.forward(2, in, 0, out, 0);
        int ho = spec.convOutSize(7);
        int wo = spec.convOutSize(6);
        for (int r = 0; r < 2; r++) {
            for (int co = 0; co < 3; co++) {
                for (int oh = 0; oh < ho; oh++) {
                    for (int ow = 0; ow < wo; ow++) {
                        double z = bv[co];
                        for (int ci = 0; ci < 2; ci++) {
                            for (int ki = 0; ki < 3; ki++) {
                                for (int kj = 0; kj < 3; kj++) {
                                    int ih = oh * 2 - 1 + ki;
                                    int iw = ow * 2 - 1 + kj;
                                    if (ih >= 0 && ih < 7 && iw >= 0 && iw < 6) {
                                        z += wv[((co * 2 + ci) * 3 + ki) * 3 + kj] * in[r * 84 + (ci * 7 + ih) * 6 + iw];
                                    }
                                }
                            }
                        }
                        assertEquals(z, out[r * c.outSize() + (co * ho + oh) * wo + ow], 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void poolingWindowsOfThreeMatchDirectPooling() {
        ConvSpec plain = new ConvSpec(2, 3, 1, 1, Pooling.NONE);
        ConvConnection none = new ConvConnection("0", 1, 8, 7, plain, 1, FloatKernels.get());
        float[] w = random(none.parameters().get(0).size(), 1);
        float[] b = random(2, 2);
        System.arraycopy(w, 0, none.parameters().get(0).value(), 0, w.length);
        System.arraycopy(b, 0, none.parameters().get(1).value(), 0, b.length);
        float[] in = random(56, 3);
        float[] z = new float[none.outSize()];
        none.forward(1, in, 0, z, 0);
        for (Pooling p : List.of(Pooling.MAX, Pooling.AVG)) {
            ConvConnection c = new ConvConnection("0", 1, 8, 7, plain.withPooling(p).withPoolSize(3), 1, FloatKernels.get());
            System.arraycopy(w, 0, c.parameters().get(0).value(), 0, w.length);
            System.arraycopy(b, 0, c.parameters().get(1).value(), 0, b.length);
            assertEquals(2, c.outHeight(), "8 → 2 (floor: two rows dropped)");
            assertEquals(2, c.outWidth(), "7 → 2 (floor: one column dropped)");
            float[] out = new float[c.outSize()];
            c.forward(1, in, 0, out, 0);
            for (int ch = 0; ch < 2; ch++) {
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        double max = Double.NEGATIVE_INFINITY;
                        double sum = 0;
                        for (int a = 0; a < 3; a++) {
                            for (int bb = 0; bb < 3; bb++) {
                                double v = z[(ch * 8 + 3 * i + a) * 7 + 3 * j + bb];
                                max = Math.max(max, v);
                                sum += v;
                            }
                        }
                        assertEquals(p == Pooling.MAX ? max : sum / 9, out[(ch * 2 + i) * 2 + j], 1e-6, p + " " + ch + "," + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void eventDrivenCouplingMatchesTheDenseOne() {
        SplittableRandom rng = new SplittableRandom(9);
        for (Pooling p : Pooling.values()) {
            for (ConvSpec spec : List.of(new ConvSpec(3, 3, 1, 1, p, 3), new ConvSpec(4, 3, 2, 1, p))) {
                ConvConnection c = new ConvConnection("0", 2, 9, 8, spec, 1, FloatKernels.get());
                System.arraycopy(random(c.parameters().get(0).size(), 1), 0, c.parameters().get(0).value(), 0,
                        c.parameters().get(0).size());
                System.arraycopy(random(c.parameters().get(1).size(), 2), 0, c.parameters().get(1).value(), 0,
                        c.parameters().get(1).size());
                int rows = 3;
                float[] in = new float[rows * c.inSize()];
                float[] out = new float[rows * c.outSize()];
                int active = 0;
                for (int i = 0; i < in.length; i++) {
                    in[i] = rng.nextDouble() < 0.3 ? 1f : 0f;
                }
                for (int i = 0; i < out.length; i++) {
                    out[i] = rng.nextDouble() < 0.3 ? 1f : 0f;
                    active += (int) out[i];
                }
                float[] accOut = new float[out.length];
                float[] accIn = new float[in.length];
                float[] accOutE = new float[out.length];
                float[] accInE = new float[in.length];
                c.couple(rows, in, 0, out, 0, accOut, 0, accIn, 0, true);
                c.coupleEvents(rows, in, 0, out, 0, accOutE, 0, accInE, 0);
                assertTrue(active > 0);
                for (int i = 0; i < accOut.length; i++) {
                    assertEquals(accOut[i], accOutE[i], 1e-6, spec + " bottom-up " + i);
                }
                double norm = 0;
                for (int i = 0; i < accIn.length; i++) {
                    assertEquals(accIn[i], accInE[i], 1e-5, spec + " top-down " + i);
                    norm += Math.abs(accIn[i]);
                }
                assertTrue(norm > 0, "the top-down drive must not vanish");
            }
        }
    }

    private static LayeredNetwork convNet(Pooling pooling, Loss loss) {
        return convNet(pooling, 2, loss);
    }

    /** 1×6×6 → conv 2 (k 3, p 1) pooled in {@code window}×{@code window} windows → conv 3 (k 2) → 4 → 3. */
    private static LayeredNetwork convNet(Pooling pooling, int window, Loss loss) {
        return EqProp.network(36, 4, 3).conv(new int[] {1, 6, 6}, new ConvSpec(2, 3, 1, 1, pooling, window),
                new ConvSpec(3, 2, 1, 0, Pooling.NONE)).activation(Activation.MY_SIGMOID).loss(loss).network(7);
    }

    @Test
    void driveAndParameterGradientOfPhiMatchFiniteDifferences() {
        for (int window : new int[] {2, 3}) {
            for (Pooling pooling : Pooling.values()) {
                LayeredNetwork net = convNet(pooling, window, Loss.MSE);
                Batch b = TestData.uniformBatch(2, 36, 3, 4);
                net.bind(b);
                NeuronState s = net.state(0);
                net.reset(s);
                SplittableRandom rng = new SplittableRandom(5);
                for (int l = 0; l < net.dynamicLayers(); l++) {
                    for (int i = 0; i < 2 * net.layerSize(l); i++) {
                        s.rates(l)[i] = (float) (0.1 + 0.8 * rng.nextDouble());
                    }
                }
                double beta = 0.4;
                net.drive(s, 0, 2, (float) beta);
                FiniteDifferences fd = FiniteDifferences.of(() -> net.phi(s, beta)).step(1e-3).relative(5e-3);
                for (int l = 0; l < net.dynamicLayers(); l++) {
                    fd.check(s.rates(l), 2 * net.layerSize(l), net.acc(l), pooling + " " + window + "×" + window + " layer " + l);
                }
                for (Parameter p : net.parameters()) {
                    p.zeroGrad();
                }
                net.accumulatePhiGradient(List.of(s), List.of(new Nudge(beta, 1.0)));
                fd.dividedBy(2).checkParameters(net.parameters(), pooling + " " + window + "×" + window);
            }
        }
    }

    @Test
    void convNetworkLearnsWithEp() {
        LayeredNetwork net = EqProp.network(36, 3).conv(new int[] {1, 6, 6}, new ConvSpec(6, 3, 1, 1, Pooling.MAX))
                .activation(Activation.MY_HARD_SIG).t1(20).t2(6).network(7);
        EquilibriumPropagation ep = new EquilibriumPropagation(net, 20, 6, 0.5, Estimator.SYMMETRIC);
        org.plasticity.data.Splits data = new org.plasticity.data.Splits("p",
                TestData.prototypes("tr", 300, 36, 3, 0.4, 1), TestData.prototypes("v", 30, 36, 3, 0.4, 2),
                TestData.prototypes("te", 100, 36, 3, 0.4, 3));
        var run = org.plasticity.train.Trainer.create().quiet().epochs(4).batchSize(10).seed(1)
                .optimizer(org.plasticity.train.optim.Sgd.of(0.1).withMomentum(0.5)).fit(ep, data);
        double acc = run.history().get(run.history().size() - 1).testAccuracy();
        org.junit.jupiter.api.Assertions.assertTrue(acc > 0.85, "conv EP test accuracy " + acc);
    }
}
