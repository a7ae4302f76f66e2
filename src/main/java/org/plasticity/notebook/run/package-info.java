/**
 * Executing and checking notebooks: {@link org.plasticity.notebook.run.NbConvert} runs one
 * notebook through the installed kernel (retrying kernels that never become ready),
 * {@link org.plasticity.notebook.run.NotebookCheck} verifies errors, stderr and the expectations
 * declared in cell metadata, {@link org.plasticity.notebook.run.NotebookRunner} ties them together
 * for the main job and the notebook tests.
 */
package org.plasticity.notebook.run;
