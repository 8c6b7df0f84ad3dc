package org.fwcts.testcases.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips RMM tests on a target whose profile has no RMM, before anything boots: the model has no
 * RMM to predict with, so no RMI call could be judged.
 */
public final class RmmPresence implements ExecutionCondition {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RmmPresence.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent("result", key -> decide(context), ConditionEvaluationResult.class);
    }

    private static ConditionEvaluationResult decide(ExtensionContext context) {
        var profile = TestRun.profileOf(TargetExtension.run(context).descriptor());
        return profile.rmm().isPresent() ? ConditionEvaluationResult.enabled("profile " + profile.name() + " has an RMM")
                : ConditionEvaluationResult.disabled("profile " + profile.name() + " has no RMM");
    }
}
