package org.plasticity.localca.rules;

import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeConfig;

/** Small networks and batches for the rule tests. */
final class RulesTestData {

    private RulesTestData() {
    }

    static TreeConfig tree() {
        return TreeConfig.headline().withInputSize(16).withNeurons(4).withExcitatorySynapses(6).withInhibitorySynapses(3)
                .withClasses(3);
    }

    static ForwardPass pass(DendriticNetwork net, Batch b) {
        ForwardPass p = net.newPass(b.size());
        net.forward(b.features(), b.size(), p);
        return p;
    }
}
