package org.plasticity.ep;

import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.Architecture;
import org.plasticity.ep.model.Dynamics;
import org.plasticity.ep.model.Loss;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.tensor.FloatKernels;

/**
 * Entry point of the equilibrium-propagation API: {@link #network(int...)} starts a fluent
 * {@link EpBuilder}; the presets in {@code ep.recipes.EpPresets} reproduce the papers' settings.
 *
 * <pre>{@code
 * var ep = EqProp.network(784, 500, 10).t1(30).t2(10).beta(0.5).estimator(Estimator.SYMMETRIC).build(1);
 * var run = Trainer.create().epochs(1).batchSize(50).optimizer(Sgd.of(0.05).withMomentum(0.9)).fit(ep, mnist);
 * }</pre>
 */
public final class EqProp {

    private EqProp() {
    }

    /**
     * A fully connected network {@code sizes[0] → ... → sizes[n−1]} with the defaults: ρ = {@code mysig},
     * prototypical dynamics, T1 = 30, T2 = 10, β = 0.5, symmetric estimator, MSE output, PyTorch init
     * (the Ernoult et al. 2019 MNIST dynamics with the Laborieux et al. 2021 estimator).
     *
     * @param sizes input size, hidden sizes, number of classes
     */
    public static EpBuilder network(int... sizes) {
        EpConfig c = new EpConfig(Architecture.dense(sizes), Activation.MY_SIGMOID, Activation.MY_SIGMOID,
                Dynamics.prototypical(), 30, 10, 0.5, Estimator.SYMMETRIC, Loss.MSE, new double[0],
                WeightInit.PYTORCH_DEFAULT, 1.0);
        return new EpBuilder(c, FloatKernels.get());
    }

    /** A builder for an existing configuration. */
    public static EpBuilder from(EpConfig config) {
        return new EpBuilder(config, FloatKernels.get());
    }
}
