package org.fwcts.testcases.support;

import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.FfaRules;
import org.fwcts.model.smccc.SmcccRules;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides from the target itself whether FF-A is there: FFA_VERSION answering NOT_SUPPORTED
 * means FF-A is absent (rule FFA.ABSENT), and FF-A tests are then skipped with that reason.
 * Whether the target <em>should</em> have FF-A is the model's call, checked by FfaPresenceTests.
 */
public final class FfaPresence implements ExecutionCondition {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FfaPresence.class);
    /** The version a caller announces when probing: the newest this suite knows. */
    public static final SpecVersion PROBE_VERSION = SpecVersion.of(1, 2);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent("result", key -> probe(context), ConditionEvaluationResult.class);
    }

    private static ConditionEvaluationResult probe(ExtensionContext context) {
        Registers call = Registers.of(FfaFunction.FFA_VERSION.id().register(), PROBE_VERSION.encode());
        CallCheck check = TargetExtension.run(context).firmware().smc(call);
        if (!(check.observation() instanceof Observation.Completed completed)) {
            return ConditionEvaluationResult.disabled("FF-A presence unknown: FFA_VERSION gave no answer");
        }
        var mediator = TargetExtension.run(context).pipeline().model().mediator();
        if (completed.registers().w(0) == SmcccRules.NOT_SUPPORTED && mediator.isPresent()) {
            // The console agent is the first VM: without the mediator Xen answers its FF-A calls as unknown.
            return ConditionEvaluationResult.disabled("mediator not attached to VM "
                    + TargetExtension.run(context).pipeline().model().normalWorld()
                    + ": FFA_VERSION returned SMCCC's unknown-function answer (-1) [XEN.FFA.NOT_ATTACHED]");
        }
        if (completed.registers().w(0) == SmcccRules.NOT_SUPPORTED) {
            return ConditionEvaluationResult.disabled("FF-A absent: FFA_VERSION returned NOT_SUPPORTED (-1) ["
                    + FfaRules.ABSENT.id() + "]");
        }
        return ConditionEvaluationResult.enabled("FF-A present: FFA_VERSION returned "
                + SpecVersion.decode(completed.registers().w(0)));
    }
}
