/**
 * Reference learners that are not paper models (softmax regression), used by the quickstart, tests and as floors.
 */
package org.plasticity.baseline;
