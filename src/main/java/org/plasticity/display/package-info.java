/**
 * Kernel-free display contracts: {@link org.plasticity.display.Displayable} values and the {@link org.plasticity.display.LiveDisplay} that notebooks back with update-in-place outputs.
 */
package org.plasticity.display;
