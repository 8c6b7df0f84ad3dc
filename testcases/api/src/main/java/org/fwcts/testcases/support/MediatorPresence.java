package org.fwcts.testcases.support;

import org.fwcts.model.profile.Profile;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Decides from the target's profile whether it has a hypervisor's FF-A mediator: the mediator tests need one. */
public final class MediatorPresence implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Profile profile = TargetExtension.run(context).pipeline().model().profile();
        if (profile.mediator().isEmpty() || profile.ffa().isEmpty()) {
            return ConditionEvaluationResult.disabled("no hypervisor FF-A mediator: profile " + profile.name()
                    + " has guest VMs behind none");
        }
        return ConditionEvaluationResult.enabled("profile " + profile.name() + " has "
                + profile.mediator().get().vms().size() + " VM(s) behind Xen " + profile.mediator().get().choices().release()
                + "'s FF-A mediator");
    }
}
