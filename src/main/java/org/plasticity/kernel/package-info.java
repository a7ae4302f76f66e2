/**
 * The Plasticity Jupyter kernel: JShell on IJava's base library ({@code jupyter-jvm-basekernel},
 * an optional dependency), started by {@code kernel-spec/install-kernel.sh}'s kernel spec as
 * {@link org.plasticity.kernel.KernelMain}. Cells run in the kernel's JVM
 * ({@code CellExecutionControl}: one thread per snippet, interruptible, no thread-group joins), their
 * output and displays go to Jupyter through one publisher thread, values are rendered by
 * {@link org.plasticity.notebook.MimeRenderer}, and {@link org.plasticity.kernel.KernelLiveDisplayProvider}
 * serves {@link org.plasticity.display.LiveDisplay#current()} inside the kernel. Only this package (and
 * {@code org.plasticity.notebook}) imports kernel APIs; {@link org.plasticity.kernel.KernelSession} and the
 * provider load none, so the library runs without the base kernel on the class path.
 */
package org.plasticity.kernel;
