package org.plasticity.ep.model;

import java.util.List;
import org.plasticity.data.Batch;
import org.plasticity.testing.FiniteDifferences;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;

/** Finite-difference checks of a layered network's Φ derivatives, for any topology (chain, skip couplings). */
final class PhiChecks {

    private PhiChecks() {
    }

    /** The drive a step feeds ρ is ∂Φ/∂s (β = 0.7, rates drawn in [0.1, 0.9), 3 rows of 6 features). */
    static void driveIsTheStateGradient(LayeredNetwork net, String label) {
        net.bind(TestData.uniformBatch(3, 6, 3, 5));
        NeuronState s = TestData.randomRates(net, 9);
        float beta = 0.7f;
        net.drive(s, 0, s.rows(), beta);
        FiniteDifferences fd = FiniteDifferences.of(() -> net.phi(s, beta)).step(1e-2).relative(2e-3);
        for (int l = 0; l < net.dynamicLayers(); l++) {
            fd.check(s.rates(l), s.rows() * net.layerSize(l), net.acc(l), label + " layer " + l);
        }
    }

    /** {@code accumulatePhiGradient} with one term (β = 0.6, coefficient 1) is ∂Φ/∂θ over the rows. */
    static void accumulatedGradientIsTheParameterGradient(LayeredNetwork net, String label) {
        Batch b = TestData.uniformBatch(3, 6, 3, 6);
        net.bind(b);
        NeuronState s = TestData.randomRates(net, 10);
        double beta = 0.6;
        net.parameters().forEach(Parameter::zeroGrad);
        net.accumulatePhiGradient(List.of(s), List.of(new Nudge(beta, 1.0)));
        FiniteDifferences.of(() -> {
            net.bind(b);
            return net.phi(s, beta);
        }).step(1e-2).relative(2e-3).dividedBy(s.rows()).every(3).checkParameters(net.parameters(), label);
        net.bind(b);
    }
}
