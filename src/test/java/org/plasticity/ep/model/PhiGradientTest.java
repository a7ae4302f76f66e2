package org.plasticity.ep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.ep.EqProp;
import org.plasticity.testing.TestData;

/** Finite-difference checks of Φ's state and parameter derivatives, for every loss. */
class PhiGradientTest {

    private static LayeredNetwork net(Loss loss) {
        return EqProp.network(6, 5, 4, 3).activation(Activation.MY_SIGMOID).loss(loss).network(11);
    }

    @Test
    void driveIsTheStateGradientOfPhi() {
        for (Loss loss : Loss.values()) {
            PhiChecks.driveIsTheStateGradient(net(loss), loss.toString());
        }
    }

    @Test
    void accumulatedGradientIsTheParameterGradientOfPhi() {
        for (Loss loss : Loss.values()) {
            PhiChecks.accumulatedGradientIsTheParameterGradient(net(loss), loss.toString());
        }
    }

    @Test
    void prototypicalStepIsRhoOfTheDrive() {
        LayeredNetwork net = net(Loss.MSE);
        net.bind(TestData.uniformBatch(2, 6, 3, 7));
        NeuronState s = TestData.randomRates(net, 3);
        NeuronState copy = net.newState();
        copy.copyFrom(s);
        net.drive(copy, 0, 2, 0.5f);
        float[][] expected = new float[net.dynamicLayers()][];
        for (int l = 0; l < net.dynamicLayers(); l++) {
            expected[l] = net.acc(l).clone();
            for (int i = 0; i < 2 * net.layerSize(l); i++) {
                expected[l][i] = Activation.MY_SIGMOID.apply(expected[l][i]);
            }
        }
        net.step(s, 0, 2, 0.5f);
        for (int l = 0; l < net.dynamicLayers(); l++) {
            for (int i = 0; i < 2 * net.layerSize(l); i++) {
                assertEquals(expected[l][i], s.rates(l)[i], 1e-6);
            }
        }
    }

    @Test
    void energyStepDescendsTheTotalEnergy() {
        // F(u) = ½Σu² − Φ(ρ(u), β); an Euler step with small ε must lower F (Scellier & Bengio 2017, eq. 7).
        LayeredNetwork net = EqProp.network(6, 5, 3).activation(Activation.MY_SIGMOID)
                .dynamics(Dynamics.energyBased(0.05)).network(3);
        net.bind(TestData.uniformBatch(2, 6, 3, 8));
        NeuronState s = net.state(0);
        net.reset(s);
        double before = energy(net, s, 0.5);
        for (int t = 0; t < 20; t++) {
            net.relax(s, 0.5, 1);
            double after = energy(net, s, 0.5);
            assertTrue(after <= before + 1e-6, "step " + t + ": F rose from " + before + " to " + after);
            before = after;
        }
    }

    private static double energy(LayeredNetwork net, NeuronState s, double beta) {
        double sq = 0;
        for (int l = 0; l < net.dynamicLayers(); l++) {
            float[] u = s.potentials(l);
            for (int i = 0; i < s.rows() * net.layerSize(l); i++) {
                sq += 0.5 * u[i] * u[i];
            }
        }
        return sq - net.phi(s, beta);
    }
}
