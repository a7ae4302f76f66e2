package org.plasticity.ep.model;

/**
 * How the neurons relax towards a fixed point of the primitive function Φ. Two families:
 *
 * <ul>
 *   <li>{@link Prototypical} (Ernoult et al. 2019, Laborieux et al. 2021): the fixed-point iteration
 *       {@code s ← ρ(∂Φ/∂s)} with synchronous (Jacobi) updates. There is no step size because
 *       {@code Φ = ½‖s‖² − E} makes the quadratic terms cancel (Ernoult et al. 2019, appendix B.2).</li>
 *   <li>{@link EnergyBased} (Scellier &amp; Bengio 2017, eq. 7): the Euler step of {@code du/dt = −∂F/∂u},
 *       {@code u ← u + ε(ρ'(u)·(W ρ(u_neighbours) + b − β∂C/∂ρ) − u)}, then {@code u} clipped to the
 *       activation's linear range when ρ is a clamp.</li>
 * </ul>
 */
public sealed interface Dynamics permits Dynamics.Prototypical, Dynamics.EnergyBased {

    /** The discrete-time prototypical dynamics. */
    static Dynamics prototypical() {
        return new Prototypical();
    }

    /**
     * Energy-based continuous Hopfield dynamics with Euler step ε.
     *
     * @param epsilon step size (Scellier &amp; Bengio: 0.5)
     */
    static Dynamics energyBased(double epsilon) {
        return new EnergyBased(epsilon);
    }

    /** Prototypical (fixed-point) dynamics {@code s ← ρ(∂Φ/∂s)}. */
    record Prototypical() implements Dynamics {
        @Override
        public String toString() {
            return "prototypical";
        }
    }

    /**
     * Energy-based dynamics with Euler step ε.
     *
     * @param epsilon the step size in (0, 1]
     */
    record EnergyBased(double epsilon) implements Dynamics {
        /** Validates ε. */
        public EnergyBased {
            if (!(epsilon > 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("energy-based step ε must be in (0, 1], got " + epsilon
                        + " (Scellier & Bengio 2017 use 0.5)");
            }
        }

        @Override
        public String toString() {
            return "energy(ε=" + epsilon + ")";
        }
    }
}
