/**
 * Low-level file helpers shared by every package (atomic replacement).
 */
package org.plasticity.io;
