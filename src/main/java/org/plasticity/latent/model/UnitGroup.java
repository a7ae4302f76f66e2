package org.plasticity.latent.model;

/**
 * A group of units of one layer sharing their time constants (spec §2.2): τ_m, the membrane (retrospective)
 * constant, and τ_r, the prospective constant. τ_m = τ_r is a fast "LE" unit whose prospective output cancels its
 * membrane lag; τ_r = dt is a slow leaky integrator ("LI") with memory τ_m.
 *
 * @param count units (≥ 1)
 * @param tauM membrane constant τ_m (> 0)
 * @param tauR prospective constant τ_r (> 0)
 */
public record UnitGroup(int count, double tauM, double tauR) {

    /** Validates. */
    public UnitGroup {
        if (count < 1) {
            throw new IllegalArgumentException("a unit group needs at least one unit, got " + count);
        }
        if (!(tauM > 0) || !(tauR > 0) || Double.isInfinite(tauM) || Double.isInfinite(tauR)) {
            throw new IllegalArgumentException("time constants must be finite and > 0, got τ_m=" + tauM + ", τ_r=" + tauR);
        }
    }

    /** {@code count} fast LE units (τ_m = τ_r = τ). */
    public static UnitGroup fast(int count, double tau) {
        return new UnitGroup(count, tau, tau);
    }

    /** {@code count} slow leaky integrators with memory τ_m and τ_r = dt. */
    public static UnitGroup slow(int count, double tauM, double dt) {
        return new UnitGroup(count, tauM, dt);
    }

    /** The same group with both constants multiplied by {@code k}, each floored at {@code floor}. */
    public UnitGroup scaled(double k, double floor) {
        return new UnitGroup(count, Math.max(floor, tauM * k), Math.max(floor, tauR * k));
    }

    @Override
    public String toString() {
        return count + "×(τm " + tauM + ", τr " + tauR + ")";
    }
}
