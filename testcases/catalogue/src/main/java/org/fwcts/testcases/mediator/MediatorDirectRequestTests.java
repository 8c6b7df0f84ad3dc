package org.fwcts.testcases.mediator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.mediator.MediatorCalls.DIRECT_REQ_64;

import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.Guests;
import org.fwcts.testcases.support.PartitionExchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Direct requests from each VM to the partition agent, through the mediator and the SPMC. */
@FfaMediatorTest
@DisplayName("Mediator: direct requests from each VM")
class MediatorDirectRequestTests {

    private static EndpointId partition(FfaFirmware ffa) {
        if (ffa.model().topology().partitions().isEmpty()) {
            throw new TestAbortedException("the target has no secure partition");
        }
        return ffa.model().topology().partitions().get(0).id();
    }

    @Test
    @Tag("rule:XEN.FFA.DIRECT_REQ")
    @DisplayName("each VM's request reaches the partition, which answers the sender it saw: that VM's ID")
    void senderIsTheVm(FfaFirmware ffa) {
        EndpointId sp = partition(ffa);
        for (Guests.Guest vm : Guests.of(ffa).attached()) {
            vm.ready(2);
            PartitionExchange echo = vm.command(sp, PartitionCommand.PING, 0x5EED_0000L | vm.id().value());
            assertThat(echo.response().x(1) & 0xFFFF).as("the sender %s's partition agent answered", sp)
                    .isEqualTo(vm.id().value());
        }
    }

    @Test
    @Tag("rule:XEN.FFA.DIRECT_REQ")
    @DisplayName("a VM's request naming another sender, or a VM as receiver, is refused by the mediator")
    void refused(FfaFirmware ffa) {
        EndpointId sp = partition(ffa);
        for (Guests.Guest vm : Guests.of(ffa).attached()) {
            vm.ready(2);
            int other = vm.id().value() + 1;
            vm.checked(DIRECT_REQ_64, ((long) other << 16) | sp.value());
            vm.checked(DIRECT_REQ_64, ((long) vm.id().value() << 16) | other);
        }
    }
}
