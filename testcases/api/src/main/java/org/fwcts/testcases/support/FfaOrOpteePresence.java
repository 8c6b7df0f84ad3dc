package org.fwcts.testcases.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * FF-A at the conduit, as {@link RequiresFfa} checks it (skipped with the same reason where it is
 * absent), or guests behind Xen's OP-TEE mediator, which have no FF-A.
 */
public final class FfaOrOpteePresence implements ExecutionCondition {
    private final FfaPresence ffa = new FfaPresence();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TargetExtension.run(context).pipeline().model().optee().isPresent()) {
            return ConditionEvaluationResult.enabled("guests behind Xen's OP-TEE mediator");
        }
        return ffa.evaluateExecutionCondition(context);
    }
}
