package org.plasticity.ep.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.diagnostics.FreePhaseTrace;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.model.Nudge;
import org.plasticity.ep.model.StateView;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.testing.TestData;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * The engine contract with a family that is not the layered rate network: a small network of stochastic
 * binary neurons (one hidden layer; potentials ξ, firing probability clip(ξ, 0, 1), Bernoulli spikes drawn
 * from the batch's stream, neurons coupled through spikes only, weight updates from the expected energy at
 * the phase ends, as in the stochastic spiking EP paper's eqs. for λ-leaky potentials), written in the
 * test as a new family would write it: its own state type and model, nothing shared touched.
 */
class StochasticModelContractTest {

    /** Potentials, firing probabilities and spikes of the hidden and output layers. */
    static final class SpikeState implements EpState {
        final float[][] xi;
        final float[][] rate;
        final float[][] spike;
        final List<StateView> views;
        int rows;

        SpikeState(int[] sizes, int capacity) {
            xi = new float[sizes.length][];
            rate = new float[sizes.length][];
            spike = new float[sizes.length][];
            List<StateView> vs = new ArrayList<>();
            for (int l = 0; l < sizes.length; l++) {
                xi[l] = new float[capacity * sizes[l]];
                rate[l] = new float[capacity * sizes[l]];
                spike[l] = new float[capacity * sizes[l]];
                vs.add(new StateView("spikes" + (l + 1), sizes[l], spike[l]));
                vs.add(new StateView("rates" + (l + 1), sizes[l], rate[l]));
            }
            views = List.copyOf(vs);
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public List<StateView> views() {
            return views;
        }
    }

    /** x → hidden → output, MSE on the output's firing probabilities, leak λ. */
    static final class StochasticNetwork implements EnergyModel<SpikeState> {
        private final int in;
        private final int[] sizes;
        private final DenseConnection c0;
        private final DenseConnection c1;
        private final double lambda = 0.5;
        private final List<SpikeState> pool = new ArrayList<>();
        private float[] x = new float[0];
        private float[] xp = new float[0];
        private int[] labels = new int[0];
        private int rows;

        StochasticNetwork(int in, int hidden, int classes, long seed) {
            this.in = in;
            this.sizes = new int[] {hidden, classes};
            FloatKernels k = FloatKernels.scalar();
            c0 = new DenseConnection("0", in, hidden, 1, k);
            c1 = new DenseConnection("1", hidden, classes, 1, k);
            WeightInit.PYTORCH_DEFAULT.fill(c0.weight().value(), c0.bias().value(), in, hidden, 2, new SplittableRandom(seed));
            WeightInit.PYTORCH_DEFAULT.fill(c1.weight().value(), c1.bias().value(), hidden, classes, 2,
                    new SplittableRandom(seed + 1));
        }

        @Override
        public List<Parameter> parameters() {
            List<Parameter> ps = new ArrayList<>(c0.parameters());
            ps.addAll(c1.parameters());
            return ps;
        }

        @Override
        public int classes() {
            return sizes[1];
        }

        @Override
        public void bind(Batch batch) {
            rows = batch.size();
            if (x.length < rows * in) {
                x = new float[rows * in];
                xp = new float[rows * sizes[0]];
                labels = new int[rows];
                pool.clear();
            }
            System.arraycopy(batch.features(), 0, x, 0, rows * in);
            System.arraycopy(batch.labels(), 0, labels, 0, rows);
            Arrays.fill(xp, 0f);
            c0.forward(rows, x, 0, xp, 0);
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public SpikeState state(int slot) {
            while (pool.size() <= slot) {
                pool.add(newState());
            }
            pool.get(slot).rows = rows;
            return pool.get(slot);
        }

        @Override
        public SpikeState newState() {
            SpikeState s = new SpikeState(sizes, Math.max(1, labels.length));
            s.rows = rows;
            return s;
        }

        @Override
        public void copy(SpikeState from, SpikeState to) {
            to.rows = from.rows;
            for (int l = 0; l < 2; l++) {
                System.arraycopy(from.xi[l], 0, to.xi[l], 0, rows * sizes[l]);
                System.arraycopy(from.rate[l], 0, to.rate[l], 0, rows * sizes[l]);
                System.arraycopy(from.spike[l], 0, to.spike[l], 0, rows * sizes[l]);
            }
        }

        @Override
        public void reset(SpikeState s) {
            s.rows = rows;
            for (int l = 0; l < 2; l++) {
                Arrays.fill(s.xi[l], 0f);
                Arrays.fill(s.rate[l], 0f);
                Arrays.fill(s.spike[l], 0f);
            }
        }

        /** ξ ← (1−λ)ξ + λ·drive(spikes), drive with −β ∂ℓ/∂p at the output; p = clip(ξ, 0, 1); s ~ Bernoulli(p). */
        @Override
        public void relax(SpikeState s, double beta, int steps, SplittableRandom rng) {
            float[][] acc = {new float[rows * sizes[0]], new float[rows * sizes[1]]};
            for (int t = 0; t < steps; t++) {
                System.arraycopy(xp, 0, acc[0], 0, rows * sizes[0]);
                Arrays.fill(acc[1], 0f);
                c1.couple(rows, s.spike[0], 0, s.spike[1], 0, acc[1], 0, acc[0], 0, true);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < sizes[1]; c++) {
                        int i = r * sizes[1] + c;
                        acc[1][i] -= (float) (beta * (s.rate[1][i] - (c == labels[r] ? 1 : 0)));
                    }
                }
                for (int l = 0; l < 2; l++) {
                    for (int i = 0; i < rows * sizes[l]; i++) {
                        s.xi[l][i] = (float) ((1 - lambda) * s.xi[l][i] + lambda * acc[l][i]);
                        s.rate[l][i] = Math.min(1f, Math.max(0f, s.xi[l][i]));
                        s.spike[l][i] = rng.nextDouble() < s.rate[l][i] ? 1f : 0f;
                    }
                }
            }
        }

        /** Expected-energy contrast: ∂Φ/∂θ with the rates p in place of the spikes. */
        @Override
        public void accumulatePhiGradient(List<SpikeState> states, List<Nudge> terms) {
            float inv = 1f / rows;
            for (int t = 0; t < terms.size(); t++) {
                float coef = (float) terms.get(t).coefficient() * inv;
                c0.accumulateGradient(rows, coef, x, 0, states.get(t).rate[0], 0, true);
                c1.accumulateGradient(rows, coef, states.get(t).rate[0], 0, states.get(t).rate[1], 0, true);
            }
        }

        @Override
        public double[] lossAndCorrect(SpikeState s, int[] predictions) {
            double loss = 0;
            int correct = 0;
            for (int r = 0; r < rows; r++) {
                int arg = 0;
                for (int c = 0; c < sizes[1]; c++) {
                    double d = s.rate[1][r * sizes[1] + c] - (c == labels[r] ? 1 : 0);
                    loss += 0.5 * d * d;
                    if (s.rate[1][r * sizes[1] + c] > s.rate[1][r * sizes[1] + arg]) {
                        arg = c;
                    }
                }
                if (predictions != null) {
                    predictions[r] = arg;
                }
                correct += arg == labels[r] ? 1 : 0;
            }
            return new double[] {loss, correct};
        }

        @Override
        public double phi(SpikeState s, double beta) {
            float[] d1 = new float[rows * sizes[1]];
            c1.forward(rows, s.rate[0], 0, d1, 0);
            double total = 0;
            for (int i = 0; i < rows * sizes[0]; i++) {
                total += (double) xp[i] * s.rate[0][i];
            }
            for (int i = 0; i < rows * sizes[1]; i++) {
                total += (double) d1[i] * s.rate[1][i];
            }
            return total - beta * lossAndCorrect(s, null)[0];
        }

        @Override
        public long stepMacsPerRow() {
            return c1.coupleMacsPerRow();
        }

        @Override
        public String describe() {
            return "StochasticNetwork[" + in + "-" + sizes[0] + "-" + sizes[1] + ", λ=" + lambda + "]";
        }
    }

    private static float[] gradient(EquilibriumPropagation ep, Batch b, long streamSeed) {
        ep.parameters().forEach(Parameter::zeroGrad);
        ep.computeGradients(b, new StepContext(0, 0, 0, 1, new SplittableRandom(streamSeed)));
        List<Parameter> ps = ep.parameters();
        float[] out = new float[ps.stream().mapToInt(Parameter::size).sum()];
        int o = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.grad(), 0, out, o, p.size());
            o += p.size();
        }
        return out;
    }

    @Test
    void theLearnerGivesTheModelTheBatchStream() {
        StochasticNetwork net = new StochasticNetwork(6, 8, 3, 5);
        Batch b = TestData.uniformBatch(4, 6, 3, 2);
        for (Estimator e : Estimator.values()) {
            EquilibriumPropagation ep = new EquilibriumPropagation(net, 15, 5, 0.5, e);
            float[] first = gradient(ep, b, 7);
            assertArrayEquals(first, gradient(ep, b, 7), e + ": same stream, same spikes, same estimate");
            assertFalse(Arrays.equals(first, gradient(ep, b, 8)), e + ": another stream must give other spikes");
            double norm = 0;
            for (float v : first) {
                norm += v * v;
            }
            assertTrue(norm > 0, e + ": the expected-energy contrast must not vanish");
        }
    }

    @Test
    void evaluationAndTracesAreRepeatable() {
        StochasticNetwork net = new StochasticNetwork(6, 8, 3, 5);
        Batch b = TestData.uniformBatch(5, 6, 3, 4);
        EquilibriumPropagation ep = new EquilibriumPropagation(net, 15, 5, 0.5, Estimator.SYMMETRIC);
        BatchStats one = ep.evaluate(b);
        BatchStats two = ep.evaluate(b);
        assertEquals(one.lossSum(), two.lossSum());
        FreePhaseTrace t = FreePhaseTrace.record(net, b, 10, new SplittableRandom(3));
        FreePhaseTrace u = FreePhaseTrace.record(net, b, 10, new SplittableRandom(3));
        assertEquals(List.of("spikes1", "rates1", "spikes2", "rates2"), List.of(t.name(0), t.name(1), t.name(2), t.name(3)));
        assertArrayEquals(t.rates(10, 0), u.rates(10, 0));
        for (double v : t.rates(10, 0)) {
            assertTrue(v == 0 || v == 1, "spikes are 0/1, got " + v);
        }
        assertFalse(Arrays.equals(t.rates(10, 0), FreePhaseTrace.record(net, b, 10, new SplittableRandom(4)).rates(10, 0)));
    }
}
