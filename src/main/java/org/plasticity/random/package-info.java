/**
 * Seed derivation: every random stream is a pure function of a root seed and a path of indices,
 * shared by data generation, initialisation and training (the lowest layer; no dependencies).
 */
package org.plasticity.random;
