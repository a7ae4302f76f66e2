/**
 * XChart builders shared by all notebooks: line, scatter, bar, histogram and heat-map factories
 * ({@link org.plasticity.plot.Charts}), learning curves of training runs, one common style
 * ({@link org.plasticity.plot.ChartStyle}) and kernel-free PNG/SVG exports
 * ({@link org.plasticity.plot.ChartExport}). Nothing here needs a kernel.
 */
package org.plasticity.plot;
