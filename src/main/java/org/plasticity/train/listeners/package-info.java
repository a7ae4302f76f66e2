/**
 * Training listeners shipped with the library: NaN guard, checkpointing, live progress.
 */
package org.plasticity.train.listeners;
