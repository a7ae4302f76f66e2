/**
 * The compartment-tree model: configuration, parameters, the batched steady-state forward pass
 * (paper Eq. 3), exact gradients by a reverse sweep over the tree (Theorem 1) and the point-MLP
 * baseline.
 */
package org.plasticity.localca.model;
