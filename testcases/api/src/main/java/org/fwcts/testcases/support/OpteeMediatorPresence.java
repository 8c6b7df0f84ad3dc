package org.fwcts.testcases.support;

import org.fwcts.model.profile.Profile;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Decides from the target's profile whether it has Xen's OP-TEE mediator: the OP-TEE mediator tests need one. */
public final class OpteeMediatorPresence implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Profile profile = TargetExtension.run(context).pipeline().model().profile();
        if (profile.optee().isEmpty()) {
            return ConditionEvaluationResult.disabled("no OP-TEE mediator: profile " + profile.name()
                    + " has no guest VMs behind Xen's OP-TEE mediator");
        }
        return ConditionEvaluationResult.enabled("profile " + profile.name() + " has "
                + profile.optee().get().vms().size() + " VM(s) behind Xen " + profile.optee().get().xen().release()
                + "'s OP-TEE mediator");
    }
}
