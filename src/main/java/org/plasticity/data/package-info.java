/**
 * Data sets: the immutable in-memory {@link org.plasticity.data.Dataset}, mini-batches, splits and per-epoch data sources; loaders, the data cache and task generators build on these.
 */
package org.plasticity.data;
