package org.plasticity.localca.model;

import org.plasticity.data.Batch;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/** Small seeded batches and tiny architectures for the model tests. */
final class TinyData {

    private TinyData() {
    }

    /** 6 inputs, 2 neurons, branch factors [2, 2], all synapses active, 3 classes. */
    static TreeConfig tinyDense() {
        return new TreeConfig(6, 2, java.util.List.of(2, 2), 6, 6, 3, Core.SHUNTING, true, 1.5, 0.5,
                SynapseTransform.SOFTPLUS, 1);
    }

    /** Mean cross-entropy of the network on the batch. */
    static double loss(DendriticNetwork net, Batch batch) {
        ForwardPass pass = net.newPass(batch.size());
        net.forward(batch.features(), batch.size(), pass);
        return SoftmaxCrossEntropy.evaluate(pass.logits(), batch.size(), batch.labels(), null).meanLoss();
    }
}
