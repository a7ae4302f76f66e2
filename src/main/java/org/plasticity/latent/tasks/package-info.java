/**
 * The latent family's tasks: MNIST-1D as sequences ({@link org.plasticity.latent.tasks.Mnist1dSequences}), the
 * teacher–student LagLine ({@link org.plasticity.latent.tasks.LagLine}) and a synthetic stand-in of Speech Commands'
 * mel-spectrogram shape for code-path tests ({@link org.plasticity.latent.tasks.SyntheticMel}).
 */
package org.plasticity.latent.tasks;
