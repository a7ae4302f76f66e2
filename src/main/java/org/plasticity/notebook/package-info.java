/**
 * The kernel extension: one renderer ({@link org.plasticity.notebook.MimeRenderer}) producing MIME
 * bundles for tables, charts and results, thin adapters for rapaio-jupyter-kernel
 * ({@link org.plasticity.notebook.RapaioDisplayProvider}) and JJava
 * ({@link org.plasticity.notebook.JJavaExtension}), kernel-backed live displays for
 * {@link org.plasticity.display.LiveDisplay#current()}, and {@link org.plasticity.notebook.Show#show(Object)}
 * for cells that must also run in plain JShell. With {@code org.plasticity.kernel} (our own kernel), the
 * only packages that import kernel APIs (all {@code provided} or optional: the rest of the library
 * never needs a kernel).
 */
package org.plasticity.notebook;
