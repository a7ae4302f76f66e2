package org.plasticity.latent.tasks;

import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.data.DataProvenance;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.latent.model.Activation;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleDynamics;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.GleState;
import org.plasticity.latent.model.StateMode;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.latent.model.StepLoss;
import org.plasticity.latent.model.UnitGroup;
import org.plasticity.random.Seeds;

/**
 * The teacher–student LagLine of the GLE paper (spec §2.4): a chain of two one-unit GLE neurons (τ_r = 0.1) driven by
 * an Ornstein–Uhlenbeck input (stationary std σ = 0.5, correlation time 1); the teacher has w = (1, 2) and
 * τ_m = (1, 2), the student learns w and τ_m. dt 0.01, β 0.01, γ 1, MSE, no biases, time constants clamped at
 * ≥ 10·dt (the authors' code). Softplus rates, as in the authors' code (the spec says "linear"; with linear units
 * only the product w₁w₂ would be identifiable).
 *
 * <p>Samples (our decision, so that the trainer's shuffling cannot break a carried state): independent segments of
 * {@code segment} time units, the input starting from its stationary distribution and both networks from rest
 * (state reset per sample); fresh segments every epoch ({@code perEpoch} of them, a deterministic function of seed and
 * epoch), a fixed test set. With the defaults, 200 epochs of 100 segments of 20 time units are the authors' 4000 time
 * units of training for 100 parallel inputs.
 *
 * @param segment time units per sample
 * @param perEpoch training segments per epoch
 * @param testSegments test segments
 * @param sigma stationary std of the OU input
 * @param tauInput correlation time of the OU input
 * @param activation rate function of both neurons
 */
public record LagLine(double segment, int perEpoch, int testSegments, double sigma, double tauInput,
        Activation activation) {

    /** Euler step. */
    public static final double DT = 0.01;
    /** Prospective constant of both neurons. */
    public static final double TAU_R = 0.1;
    /** The teacher's weights. */
    public static final float[] TEACHER_W = {1f, 2f};
    /** The teacher's membrane constants. */
    public static final float[] TEACHER_TAU = {1f, 2f};

    /** Validates. */
    public LagLine {
        if (!(segment >= 10 * DT) || perEpoch < 1 || testSegments < 1 || !(sigma > 0) || !(tauInput > 0)) {
            throw new IllegalArgumentException("LagLine needs segment ≥ " + 10 * DT + ", ≥ 1 segments, σ > 0 and τ > 0");
        }
    }

    /** The paper's setting: segments of 20 time units, 100 per epoch, 100 test segments, OU σ 0.5, τ 1, softplus. */
    public static LagLine paper() {
        return new LagLine(20, 100, 100, 0.5, 1, Activation.SOFTPLUS);
    }

    /** Steps per segment. */
    public int steps() {
        return (int) Math.round(segment / DT);
    }

    /** The network shared by teacher and student (τ_m learned, state reset per segment). */
    public GleConfig network() {
        return GleConfig.builder(1).dt(DT).beta(0.01).gamma(1).loss(StepLoss.MSE).learnTau(true).bias(false)
                .stateMode(StateMode.RESET).tauMin(10 * DT)
                .layer(activation, new UnitGroup(1, TEACHER_TAU[0], TAU_R))
                .layer(activation, new UnitGroup(1, TEACHER_TAU[1], TAU_R)).build();
    }

    /** The teacher: w = (1, 2), τ_m = (1, 2). */
    public GleNetwork teacher() {
        GleNetwork t = GleNetwork.create(network(), 0);
        for (int l = 0; l < 2; l++) {
            t.weights(l)[0] = TEACHER_W[l];
            t.tauM(l)[0] = TEACHER_TAU[l];
        }
        return t;
    }

    /**
     * A student as the authors draw it: w and τ_m uniform in [0, 1) (τ_m then clamped at 10·dt), from the seed.
     *
     * @param seed the run's seed
     * @param config the student's configuration ({@link #network()}, possibly with prospective errors off)
     * @return the student network
     */
    public GleNetwork student(long seed, GleConfig config) {
        GleNetwork s = GleNetwork.create(config, seed);
        SplittableRandom rng = Seeds.stream(seed, Seeds.INIT, 0x1A6);
        for (int l = 0; l < 2; l++) {
            s.tauM(l)[0] = (float) Math.max(10 * DT, rng.nextDouble());
            s.weights(l)[0] = (float) rng.nextDouble();
        }
        return s;
    }

    /** Train (fresh segments per epoch), no validation, a fixed test set. */
    public Splits splits() {
        Dataset test = segments("lagline/test", testSegments, Seeds.stream(Seeds.DEFAULT, Seeds.DATA, 0x1A6, -1));
        return new Splits("lagline", (epoch, seed) -> segments("lagline/train", perEpoch,
                Seeds.stream(seed, Seeds.DATA, 0x1A6, epoch)), test.head(0), test,
                DataProvenance.generated("lagline", toString(), true, "teacher w=(1,2), τ_m=(1,2); " + this));
    }

    /** {@code n} OU segments with the teacher's output as per-step targets. */
    Dataset segments(String name, int n, SplittableRandom rng) {
        int steps = steps();
        float[] x = new float[n * steps];
        double decay = Math.exp(-DT / tauInput);
        double kick = sigma * Math.sqrt(1 - decay * decay);
        for (int i = 0; i < n; i++) {
            double v = sigma * gaussian(rng);
            for (int t = 0; t < steps; t++) {
                x[i * steps + t] = (float) v;
                v = decay * v + kick * gaussian(rng);
            }
        }
        float[] y = new float[n * steps];
        GleNetwork teacher = teacher();
        Batch b = new Batch(x, null, n, steps, y, steps, steps);
        StepInputs in = StepInputs.of(b, teacher.config());
        GleState st = new GleState(teacher.config(), n);
        GleDynamics dyn = new GleDynamics(teacher);
        for (int t = 0; t < steps; t++) {
            in.input(t, st.inputBuffer());
            dyn.step(st, false, false, null);
            float[] out = st.output();
            for (int i = 0; i < n; i++) {
                y[i * steps + t] = out[i];
            }
        }
        return Dataset.regression(name, x, y, new int[] {steps, 1}, steps).withTimeSteps(steps);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LagLine[segment=%s, perEpoch=%d, test=%d, OU σ=%s τ=%s, %s]", segment, perEpoch,
                testSegments, sigma, tauInput, activation.name().toLowerCase(Locale.ROOT));
    }
}
