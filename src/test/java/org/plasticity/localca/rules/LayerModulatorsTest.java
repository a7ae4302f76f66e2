package org.plasticity.localca.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeTopology;
import org.plasticity.testing.TestData;
import org.plasticity.train.LearnerState;

/** ρ_n (Eq. 17, Eq. 20) and φ_n (Eqs. 21–23). */
class LayerModulatorsTest {

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double c = 0;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < n; i++) {
            c += (x[i] - mx) * (y[i] - my);
            vx += (x[i] - mx) * (x[i] - mx);
            vy += (y[i] - my) * (y[i] - my);
        }
        return (c / n) / (Math.sqrt(vx / n * vy / n) + 1e-8); // Eq. 17 with its ε
    }

    private static double[] layerMean(float[][] v, int n) {
        double[] m = new double[n];
        for (float[] row : v) {
            for (int b = 0; b < n; b++) {
                m[b] += row[b] / v.length;
            }
        }
        return m;
    }

    @Test
    void batchEstimatesMatchEquations17And23() {
        DendriticNetwork net = DendriticNetwork.create(TestData.rulesTree(), 1);
        Batch b = TestData.uniformBatch(50, 16, 3, 2);
        ForwardPass p = TestData.forward(net, b);
        LayerModulators m = new LayerModulators(Modulators.defaults().withEstimator(Estimator.BATCH), net.topology());
        m.observe(p, true);
        TreeTopology topo = net.topology();
        for (int l = 1; l < topo.layers(); l++) {
            double expectedRho = pearson(layerMean(p.voltage(l), 50), layerMean(p.voltage(0), 50));
            assertEquals(expectedRho, m.rho(l), 1e-5, "ρ_" + l);
            // pooled regression of V on its parent P over batch × compartments
            double sv = 0;
            double sp = 0;
            double svv = 0;
            double spp = 0;
            double svp = 0;
            int n = 0;
            for (int c = 0; c < topo.size(l); c++) {
                for (int s = 0; s < 50; s++) {
                    double v = p.voltage(l)[c][s];
                    double q = p.voltage(l - 1)[topo.parent(l, c)][s];
                    sv += v;
                    sp += q;
                    svv += v * v;
                    spp += q * q;
                    svp += v * q;
                    n++;
                }
            }
            double varV = svv / n - (sv / n) * (sv / n);
            double varP = spp / n - (sp / n) * (sp / n);
            double cov = svp / n - (sv / n) * (sp / n);
            double beta = cov / (varP + 1e-3);
            double phi = varV / (varV - beta * cov);
            phi = Math.max(0.25, Math.min(4, phi));
            assertEquals(phi, m.phi(l, 0), 1e-4 * phi, "φ_" + l);
            assertTrue(m.phi(l, 0) >= 1, "φ = 1/(1 − R²) ≥ 1");
        }
        assertEquals(1.0, m.rho(0));
        assertEquals(1.0, m.phi(0, 0));
    }

    @Test
    void welfordEstimatorOfEquation20ConvergesToThePopulationCorrelation() {
        Modulators cfg = Modulators.defaults().withEstimator(Estimator.WELFORD);
        RhoEstimator est = new RhoEstimator(new Modulators(Estimator.WELFORD, RhoMode.PEARSON, 0.01, 0.99, 1e-3, 0.25, 4,
                false), 2);
        SplittableRandom rng = new SplittableRandom(3);
        double rho = 0;
        for (int batch = 0; batch < 200; batch++) {
            double[] x = new double[32];
            double[] y = new double[32];
            for (int i = 0; i < 32; i++) {
                double z = rng.nextGaussian();
                x[i] = z;
                y[i] = 0.6 * z + 0.8 * rng.nextGaussian(); // corr 0.6
            }
            rho = est.estimate(1, y, x, 32, true);
        }
        assertEquals(0.6, rho, 0.1);
        assertEquals(Estimator.WELFORD, cfg.estimator());
    }

    @Test
    void emaStateRoundTripsExactly() {
        DendriticNetwork net = DendriticNetwork.create(TestData.rulesTree(), 1);
        LayerModulators a = new LayerModulators(Modulators.defaults(), net.topology());
        LayerModulators b = new LayerModulators(Modulators.defaults(), net.topology());
        for (int i = 0; i < 3; i++) {
            a.observe(TestData.forward(net, TestData.uniformBatch(20, 16, 3, i)), true);
        }
        LearnerState s = a.state();
        b.restoreState(s);
        ForwardPass next = TestData.forward(net, TestData.uniformBatch(20, 16, 3, 9));
        a.observe(next, true);
        b.observe(next, true);
        for (int l = 1; l < net.topology().layers(); l++) {
            assertEquals(a.rho(l), b.rho(l), 0.0);
            assertEquals(a.phi(l, 0), b.phi(l, 0), 0.0);
        }
    }

    @Test
    void probesDoNotMoveTheRunningEstimate() {
        DendriticNetwork net = DendriticNetwork.create(TestData.rulesTree(), 1);
        LayerModulators a = new LayerModulators(Modulators.defaults(), net.topology());
        a.observe(TestData.forward(net, TestData.uniformBatch(20, 16, 3, 1)), true);
        LearnerState before = a.state();
        a.observe(TestData.forward(net, TestData.uniformBatch(20, 16, 3, 2)), false);
        assertEquals(before, a.state());
        assertEquals(LearnerState.Kind.DOUBLES, before.kind(before.names().iterator().next()), "typed, not float-packed");
    }
}
