package org.fwcts.targets.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.targets.Executables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The dom0less part of Xen's boot device tree")
class DomainTreeTests {
    private static final List<XenGuest> GUESTS = List.of(new XenGuest("vm1", 1, 2, 64, true),
            new XenGuest("vm3", 2, 1, 128, false));

    @TempDir
    Path dir;

    @Test
    @DisplayName("gives each guest a xen,domain node with vpl011, its memory in KiB, its vCPUs and its module")
    void guestNodes() {
        String dts = DomainTree.chosen("console=dtuart noreboot", GUESTS, 0x3e60);
        assertThat(dts).contains("xen,xen-bootargs = \"console=dtuart noreboot\";")
                .contains("vm1 {").contains("memory = <0x0 0x10000>;").contains("cpus = <2>;")
                .contains("module@48000000 {").contains("reg = <0x0 0x48000000 0x0 0x3e60>;")
                .contains("vm3 {").contains("memory = <0x0 0x20000>;").contains("module@48200000 {");
        assertThat(dts.split("tee = \"ffa\";", -1)).hasSize(2);
        assertThat(dts.indexOf("tee = \"ffa\"")).isLessThan(dts.indexOf("vm3 {"));
    }

    @Test
    @DisplayName("asks for the OP-TEE mediator for a guest with tee: optee, and for none for a guest without")
    void opteeGuest() {
        String dts = DomainTree.chosen("tee=optee", List.of(new XenGuest("vm1", 1, 2, 64, XenGuest.Tee.OPTEE),
                new XenGuest("vm2", 2, 1, 64, XenGuest.Tee.NONE)), 0x1000);
        assertThat(dts.split("tee = ", -1)).hasSize(2);
        assertThat(dts.indexOf("tee = \"optee\";")).isPositive().isLessThan(dts.indexOf("vm2 {"));
    }

    @Test
    @DisplayName("compiles with dtc when appended to a tree")
    void compiles() throws Exception {
        Path dtc = Executables.find("dtc").orElse(null);
        Assumptions.assumeTrue(dtc != null, "dtc is not installed (apt-get install device-tree-compiler)");
        Path source = Files.writeString(dir.resolve("t.dts"), "/dts-v1/;\n/ {\n\t#address-cells = <2>;\n\t#size-cells = <2>;\n"
                + "\tchosen {\n\t\tstdout-path = \"/pl011@9000000\";\n\t};\n};\n"
                + DomainTree.chosen("console=dtuart", GUESTS, 0x1000));
        Process process = new ProcessBuilder(dtc.toString(), "-q", "-I", "dts", "-O", "dtb", "-o",
                dir.resolve("t.dtb").toString(), source.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
