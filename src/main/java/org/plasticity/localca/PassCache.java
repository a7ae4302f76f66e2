package org.plasticity.localca;

import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;

/** Keeps one forward-pass buffer, regrown when a larger batch arrives. */
final class PassCache {

    private final DendriticNetwork net;
    private ForwardPass pass;

    PassCache(DendriticNetwork net) {
        this.net = net;
    }

    ForwardPass forward(Batch batch) {
        if (batch.featureCount() != net.config().inputSize()) {
            throw new IllegalArgumentException("batch has " + batch.featureCount() + " features per sample, the network "
                    + "expects inputSize=" + net.config().inputSize() + "; use TreeConfig.withInputSize(...)");
        }
        if (pass == null || pass.capacity() < batch.size()) {
            pass = net.newPass(batch.size());
        }
        net.forward(batch.features(), batch.size(), pass);
        return pass;
    }

    int capacity() {
        return pass == null ? 0 : pass.capacity();
    }
}
