package org.fwcts.harness.explore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.harness.partition.SpAgentBanner;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.prediction.Prediction;

/**
 * What a silent partition agent still tells: its boot line carries the ID its own FFA_ID_GET
 * returned at initialisation (sp-agent, "Boot"). When the agent does not answer and that ID is
 * not the one the model predicts, the silence is a divergence with the rule that decides the ID,
 * not a target that merely stopped answering (the catalogue's partition identity test reads the
 * same line).
 */
final class PartitionBootCheck {

    private PartitionBootCheck() {
    }

    /** The diverging step the boot line of each partition shows, if one contradicts the model. */
    static Optional<StepOutcome> of(String bootConsole, FirmwareModel model, ModelState state) {
        if (model.spmc().isEmpty()) {
            return Optional.empty();
        }
        List<Partition> partitions = model.spmc().get().topology().partitions();
        List<SpAgentBanner> banners = SpAgentBanner.in(bootConsole);
        if (banners.size() != partitions.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < partitions.size(); i++) {
            Partition partition = partitions.get(i);
            Registers call = Registers.of(FfaFunction.FFA_ID_GET.id().register());
            FfaOutcome outcome = model.spmc().get().step(model.spmc().get().freshBoot(), FfaCall.of(partition.id(), call));
            if (!(outcome instanceof FfaOutcome.Predicted predicted)) {
                continue;
            }
            Prediction registers = predicted.primary().registers();
            int reported = banners.get(i).endpointId();
            if (registers.register(2).admits(reported)) {
                continue;
            }
            String rule = registers.rule().id();
            String detail = String.format("the partition listed as %s got ID 0x%04x from its own FFA_ID_GET at boot (its"
                    + " boot line), and its agent does not answer; the model predicts %s", partition.id(), reported,
                    registers.register(2).describe());
            return Optional.of(new StepOutcome(Action.of("discovery", "id-get", partition.id()),
                    Step.Call.of(partition.id(), call), Verdict.FAIL, rule, Set.of(rule), Optional.empty(), detail, state));
        }
        return Optional.empty();
    }
}
