/**
 * Optimizers (SGD with momentum, Adam, AdamW) and learning-rate schedules, as immutable specifications that create stateful per-run instances.
 */
package org.plasticity.train.optim;
