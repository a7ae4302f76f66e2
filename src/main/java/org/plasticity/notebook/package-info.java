/**
 * The kernel extension: one renderer ({@link org.plasticity.notebook.MimeRenderer}) producing MIME
 * bundles for tables, charts and results, thin adapters for rapaio-jupyter-kernel
 * ({@link org.plasticity.notebook.RapaioDisplayProvider}) and JJava
 * ({@link org.plasticity.notebook.JJavaExtension}), kernel-backed live displays for
 * {@link org.plasticity.display.LiveDisplay#current()}, and {@link org.plasticity.notebook.Show#show(Object)}
 * for cells that must also run in plain JShell. The only package that imports kernel APIs (all
 * {@code provided}: the rest of the library never needs a kernel).
 */
package org.plasticity.notebook;
