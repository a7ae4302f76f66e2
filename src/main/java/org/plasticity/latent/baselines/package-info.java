/**
 * The BPTT/BP baselines of the GLE paper's MNIST-1D table, our own implementations on the project's engine (a GRU, a
 * causal temporal convolution net and an MLP on the whole sequence), sized to the GLE network's ≈ 15k parameters and
 * trained by exact backpropagation (through time) with the trainer's Adam.
 */
package org.plasticity.latent.baselines;
