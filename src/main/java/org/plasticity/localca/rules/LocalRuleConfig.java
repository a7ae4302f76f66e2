package org.plasticity.localca.rules;

import java.util.Locale;

/**
 * Everything that defines a local learning rule (spec §1.3). {@link #headline()} is the paper's best
 * configuration: 5F with per-soma broadcast, local decoder, EMA estimators, no morphology
 * extensions, HSIC off.
 *
 * @param rule 3F / 4F / 5F
 * @param broadcast how δ_0 reaches the compartments
 * @param decoder decoder learning mode
 * @param modulators ρ / φ estimation
 * @param morphology path, depth, normalisation, apical/basal extensions
 * @param hsic auxiliary HSIC losses
 * @param mismatchMix α of the local-mismatch broadcast (0.2)
 * @param dfaStd standard deviation of the fixed random feedback entries (0.01)
 * @param slopeInError multiply e_n by the local reactivation slope dr_n/dV_n (a gap in the paper;
 *     off by default so the rule keeps its 3F form)
 */
public record LocalRuleConfig(Rule rule, Broadcast broadcast, DecoderMode decoder, Modulators modulators,
        Morphology morphology, HsicConfig hsic, double mismatchMix, double dfaStd, boolean slopeInError) {

    /** Validates. */
    public LocalRuleConfig {
        if (rule == null || broadcast == null || decoder == null || modulators == null || morphology == null
                || hsic == null) {
            throw new IllegalArgumentException("rule, broadcast, decoder, modulators, morphology and hsic must be set");
        }
        if (!(mismatchMix >= 0 && mismatchMix <= 1)) {
            throw new IllegalArgumentException("mismatchMix must be in [0, 1], got " + mismatchMix);
        }
        if (!(dfaStd > 0)) {
            throw new IllegalArgumentException("dfaStd must be > 0, got " + dfaStd);
        }
    }

    /** The headline rule: 5F, per-soma broadcast, local decoder. */
    public static LocalRuleConfig headline() {
        return new LocalRuleConfig(Rule.FIVE_F, Broadcast.PER_SOMA, DecoderMode.LOCAL, Modulators.defaults(),
                Morphology.none(), HsicConfig.off(), 0.2, 0.01, false);
    }

    /** A rule with the given family and broadcast, other settings as {@link #headline()}. */
    public static LocalRuleConfig of(Rule rule, Broadcast broadcast) {
        return headline().withRule(rule).withBroadcast(broadcast);
    }

    /** Copy with another rule family. */
    public LocalRuleConfig withRule(Rule v) {
        return new LocalRuleConfig(v, broadcast, decoder, modulators, morphology, hsic, mismatchMix, dfaStd, slopeInError);
    }

    /** Copy with another broadcast mode. */
    public LocalRuleConfig withBroadcast(Broadcast v) {
        return new LocalRuleConfig(rule, v, decoder, modulators, morphology, hsic, mismatchMix, dfaStd, slopeInError);
    }

    /** Copy with another decoder mode. */
    public LocalRuleConfig withDecoder(DecoderMode v) {
        return new LocalRuleConfig(rule, broadcast, v, modulators, morphology, hsic, mismatchMix, dfaStd, slopeInError);
    }

    /** Copy with other modulator settings. */
    public LocalRuleConfig withModulators(Modulators v) {
        return new LocalRuleConfig(rule, broadcast, decoder, v, morphology, hsic, mismatchMix, dfaStd, slopeInError);
    }

    /** Copy with other morphology extensions. */
    public LocalRuleConfig withMorphology(Morphology v) {
        return new LocalRuleConfig(rule, broadcast, decoder, modulators, v, hsic, mismatchMix, dfaStd, slopeInError);
    }

    /** Copy with path propagation (Eq. 26) on or off. */
    public LocalRuleConfig withPathPropagation(boolean v) {
        return withMorphology(morphology.withPathPropagation(v));
    }

    /** Copy with other HSIC settings. */
    public LocalRuleConfig withHsic(HsicConfig v) {
        return new LocalRuleConfig(rule, broadcast, decoder, modulators, morphology, v, mismatchMix, dfaStd, slopeInError);
    }

    /** Copy with the HSIC weight {@code w} (authors' other HSIC settings). */
    public LocalRuleConfig withHsicWeight(double w) {
        return withHsic(hsic.withWeight(w));
    }

    /** Copy with the reactivation slope in the error on or off. */
    public LocalRuleConfig withSlopeInError(boolean v) {
        return new LocalRuleConfig(rule, broadcast, decoder, modulators, morphology, hsic, mismatchMix, dfaStd, v);
    }

    /** Experiment-id fragment, e.g. {@code 5f-per-soma}. */
    public String id() {
        return rule.id() + "-" + broadcast.id();
    }

    /** One line. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s | %s | %s | %s%s%s", id(), decoder.id(), modulators, morphology, hsic,
                broadcast == Broadcast.LOCAL_MISMATCH ? " mix=" + mismatchMix : "",
                slopeInError ? " slope-in-error" : "");
    }

    @Override
    public String toString() {
        return "LocalRuleConfig[" + describe() + "]";
    }
}
