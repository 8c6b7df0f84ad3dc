package org.fwcts.harness.explore;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.pipeline.CallChecker;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.model.explore.ProfileVariants;
import org.fwcts.model.firmware.FirmwareModel;

/**
 * Who a divergence is down to. The diverging call is judged again, from the same state, under
 * each single-choice variant of the profile: where one admits what the target did under the same
 * rule, the target made a different implementation-defined choice (the profile field says which),
 * not a deviation; where none does, no SPMC the model knows answers that way for that reason (a
 * variant that admits the answer by another rule is named, but explains nothing).
 *
 * @param kind which of the three it is
 * @param explanation one or more lines naming the rule and the profile field that decided
 */
public record Attribution(Kind kind, String explanation) {

    public enum Kind {
        /** No known choice admits the target's answer: the target deviates from the rule. */
        TARGET_DEVIATION("target deviation"),
        /** A known implementation's choice admits it: the profile chose differently from the target. */
        PROFILE_CHOICE("model choice"),
        /** The target gave no result: nothing to attribute. */
        NO_RESULT("no result");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int LISTED = 4;

    public static Attribution of(StepOutcome divergence, FirmwareModel model) {
        if (divergence.verdict() == Verdict.UNKNOWN) {
            return new Attribution(Kind.NO_RESULT, "the target gave no result: " + divergence.detail());
        }
        String profile = model.profile().name();
        if (divergence.judgement().isEmpty()) {
            String from = divergence.step() instanceof org.fwcts.model.explore.Step.Probe ? "the access map"
                    : divergence.step() instanceof org.fwcts.model.explore.Step.Extension ? "the granule states"
                    : "the partition's boot line";
            return new Attribution(Kind.TARGET_DEVIATION, "rule " + divergence.rule() + " decides from " + from + ";"
                    + " no profile field changes it (profile " + profile + ")");
        }
        if (model.profile().ffa().isEmpty()) {
            return new Attribution(Kind.TARGET_DEVIATION, "rule " + divergence.rule() + " decided under profile " + profile
                    + "; profile variants are tried for SPMC choices only, so no other choice was judged here");
        }
        Judgement judgement = divergence.judgement().get();
        List<String> sameRule = new ArrayList<>();
        List<String> otherRule = new ArrayList<>();
        for (ProfileVariants.Variant variant : ProfileVariants.of(model.profile())) {
            Judgement again = new CallChecker(new FirmwareModel(variant.profile())).judge(divergence.before(),
                    judgement.entry());
            if (again.verdict() != Verdict.PASS) {
                continue;
            }
            String choice = "spmc." + variant.field() + " = " + shorten(variant.value()) + " (as profile " + variant.from();
            if (again.rule().equals(divergence.rule())) {
                sameRule.add(choice + ")");
            } else {
                otherRule.add(choice + ", under rule " + again.rule() + ")");
            }
        }
        String decided = "rule " + divergence.rule() + " decided under profile " + profile;
        if (sameRule.isEmpty()) {
            // A variant that admits the answer by another rule predicts a different state of affairs: no explanation.
            return new Attribution(Kind.TARGET_DEVIATION, decided + "; no single choice of another known SPMC profile"
                    + " admits the target's answer under that rule" + (otherRule.isEmpty() ? "" : " (" + listed(otherRule)
                    + " admits it, but by another rule, which does not explain this divergence)"));
        }
        return new Attribution(Kind.PROFILE_CHOICE, decided + "; the target's answer is what profile field "
                + listed(sameRule) + " predicts under the same rule: a profile choice, not a deviation, if that is"
                + " the target's implementation");
    }

    private static String listed(List<String> choices) {
        List<String> shown = choices.subList(0, Math.min(LISTED, choices.size()));
        return String.join(", or ", shown) + (choices.size() > LISTED ? " (and " + (choices.size() - LISTED) + " more)" : "");
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }
}
