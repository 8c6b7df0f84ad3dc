package org.fwcts.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Xen's reports that it or a guest stopped for good")
class XenStopsTests {

    @Test
    @DisplayName("a panic, with the reason on the line after it, ends every guest's calls")
    void panic() {
        XenStops stops = new XenStops();
        stops.line("(XEN) ****************************************\r");
        stops.line("(XEN) Panic on CPU 0:\r");
        stops.line("(XEN) Assertion 'spin_is_locked(&ctx->lock)' failed at arch/arm/tee/ffa_shm.c:412\r");
        assertThat(stops.of(1)).contains("Xen panicked, reporting 'Panic on CPU 0: Assertion"
                + " 'spin_is_locked(&ctx->lock)' failed at arch/arm/tee/ffa_shm.c:412' on its console");
        assertThat(stops.of(2)).isPresent();
    }

    @Test
    @DisplayName("a crashed domain ends that guest's calls only, quoting where Xen crashed it")
    void domainCrash() {
        XenStops stops = new XenStops();
        stops.line("(XEN) domain_crash called from arch/arm/tee/ffa.c:300");
        stops.line("(XEN) Domain 1 (vcpu#0) crashed on cpu#0:");
        stops.line("(XEN) ----[ Xen-4.22.0  arm64  debug=n  Not tainted ]----");
        assertThat(stops.of(1)).contains("Xen crashed the calling guest (domain 1), reporting 'domain_crash called from"
                + " arch/arm/tee/ffa.c:300 / Domain 1 (vcpu#0) crashed on cpu#0:'");
        assertThat(stops.of(2)).isEmpty();
    }

    @Test
    @DisplayName("is found after a focused guest's unfinished text on the same line, and not in a guest's own words")
    void midLineAndQuoted() {
        XenStops stops = new XenStops();
        stops.line("(XEN) >1a2b smc 8400Domain 2 reported crashed by domain 0 on cpu#0:");
        stops.line("(XEN) DOM1: Domain 1 is fine, says the guest");
        stops.line("(XEN) DOM3: Panic on CPUs is a guest's word");
        assertThat(stops.of(2)).get().asString().contains("Domain 2 reported crashed by domain 0");
        assertThat(stops.of(1)).isEmpty();
        assertThat(stops.of(3)).isEmpty();
    }
}
