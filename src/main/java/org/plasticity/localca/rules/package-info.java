/**
 * The local learning rules of the paper: broadcast errors (Eqs. 12–14, DFA), the 3F / 4F / 5F
 * templates (Eqs. 15–25) with their ρ_n (Eq. 17, EMA / Welford Eq. 20) and φ_n (Eqs. 21–23)
 * estimators, path propagation (Eq. 26), depth modulation, dendritic normalisation and
 * apical/basal scaling (Appendix D), HSIC auxiliary losses (Eqs. 29–30), decoder modes and the
 * online eligibility-trace variant (Appendix F).
 */
package org.plasticity.localca.rules;
