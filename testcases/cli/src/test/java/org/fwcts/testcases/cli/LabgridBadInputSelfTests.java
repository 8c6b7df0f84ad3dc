package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.Executables;
import org.fwcts.targets.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A labgrid target whose coordinator or place is not fit to run on, against the STAND-IN
 * coordinator ({@link StandInCoordinator}, labgrid v26.0's protocol): each is refused with an
 * error naming the descriptor field, before anything is powered, and leaves no acquisition.
 */
@DisplayName("A labgrid target that cannot be used (on a STAND-IN coordinator with labgrid v26.0's protocol)")
class LabgridBadInputSelfTests {
    private static final String OTHER = "lab-pc/alice";

    @TempDir
    Path temp;
    private StandInCoordinator coordinator;
    private RecordingPowerSwitch power;

    @BeforeEach
    void farm() throws Exception {
        coordinator = new StandInCoordinator();
        power = new RecordingPowerSwitch();
        Map<String, Object> pdu = Map.of("host", "127.0.0.1:" + power.port(), "pdu", "pdu-1", "index", 3L);
        coordinator.addPlace("rpi-1", Map.of("board", "rpi4"), resources("NetworkSerialPort", StandInPlace.networkSerialPort(),
                "PDUDaemonPort", pdu), Optional.empty());
        coordinator.addPlace("no-console", Map.of(), resources("PDUDaemonPort", pdu), Optional.empty());
        coordinator.addPlace("gude-powered", Map.of(), resources("NetworkSerialPort", StandInPlace.networkSerialPort(),
                "NetworkPowerPort", Map.of("model", "gude", "host", "192.0.2.7", "index", "1")), Optional.empty());
    }

    @AfterEach
    void nothingPoweredOrHeld() throws Exception {
        assertThat(power.requests()).as("power requests").isEmpty();
        assertThat(coordinator.openReservations()).as("reservations left").isZero();
        power.close();
        coordinator.close();
    }

    @Test
    @DisplayName("an unreachable coordinator is refused naming labgrid.coordinator")
    void unreachableCoordinator() throws Exception {
        String nobody = "127.0.0.1:" + Ports.free("127.0.0.1");
        assertRefused(descriptor("coordinator: " + nobody + "\n  place: rpi-1"), "labgrid.coordinator: cannot reach the"
                + " labgrid coordinator at " + nobody);
    }

    @Test
    @DisplayName("an unknown place is refused naming labgrid.place and the places there are")
    void unknownPlace() throws Exception {
        assertRefused(descriptor("place: rpi-9"), "labgrid.place: the coordinator at " + coordinator.address()
                + " has no place 'rpi-9' (places: gude-powered, no-console, rpi-1)");
    }

    @Test
    @DisplayName("a place without a console resource is refused naming labgrid.place")
    void placeWithoutConsole() throws Exception {
        assertRefused(descriptor("place: no-console"), "labgrid.place: place 'no-console' has no console resource");
        assertThat(coordinator.acquiredBy("no-console")).isEmpty();
    }

    @Test
    @DisplayName("a power resource FWCTS has no driver for, without labgrid-client installed, is refused naming labgrid.place")
    void powerWithoutDriver() throws Exception {
        assumeTrue(Executables.find("labgrid-client").isEmpty(), "labgrid-client is installed and would drive it");
        assertRefused(descriptor("place: gude-powered"), "labgrid.place: place 'gude-powered' is powered through"
                + " NetworkPowerPort (NetworkPowerPort), which FWCTS has no driver for, and labgrid-client is not installed");
        assertThat(coordinator.acquiredBy("gude-powered")).isEmpty();
    }

    @Test
    @DisplayName("a place another identity holds is waited for, then refused naming labgrid.acquireTimeoutSeconds and the holder")
    void placeHeldByAnotherIdentity() throws Exception {
        coordinator.acquireAs("rpi-1", OTHER);
        CliRun run = assertRefused(descriptor("place: rpi-1\n  acquireTimeoutSeconds: 2"),
                "labgrid.acquireTimeoutSeconds: place 'rpi-1' is still held by " + OTHER + " after 2 s; nothing was run");
        assertThat(run.err()).contains("waiting up to 2 s for labgrid place 'rpi-1', held by " + OTHER);
        assertThat(coordinator.acquiredBy("rpi-1")).contains(OTHER);
    }

    @Test
    @DisplayName("a place chosen by tags is waited for while its holder keeps it, and the refusal names place and holder")
    void taggedPlaceHeldByAnotherIdentity() throws Exception {
        coordinator.acquireAs("rpi-1", OTHER);
        assertRefused(descriptor("tags: {board: rpi4}\n  acquireTimeoutSeconds: 2"), "labgrid.acquireTimeoutSeconds:"
                + " a place tagged {board=rpi4} is still held by " + OTHER + " (rpi-1) after 2 s; nothing was run");
    }

    @Test
    @DisplayName("fwcts doctor --target reports the coordinator, the place's holder and its resources, or names what is missing")
    void doctorReportsPlace() throws Exception {
        coordinator.acquireAs("rpi-1", OTHER);
        CliRun good = CliRun.of("doctor", "--target", descriptor("place: rpi-1").toString());
        assertThat(good.out()).containsPattern("labgrid coordinator +" + coordinator.address() + " answers: 3 place\\(s\\)")
                .contains("'rpi-1' acquired by " + OTHER)
                .contains("'rpi-1': console NetworkSerialPort (NetworkSerialPort), power PDUDaemon http://127.0.0.1:"
                        + power.port() + " pdu-1 outlet 3");
        CliRun bad = CliRun.of("doctor", "--target", descriptor("place: no-console").toString());
        assertThat(bad.out()).contains("[FAIL] labgrid resources").contains("labgrid.place: place 'no-console' has no console resource");
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    private CliRun assertRefused(Path descriptor, String error) {
        Path runDir = temp.resolve("run");
        CliRun run = CliRun.of("run", "--target", descriptor.toString(), "--tag", "psci", "--output", runDir.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains(descriptor + ": " + error);
        return run;
    }

    private Path descriptor(String labgrid) throws Exception {
        String section = labgrid.startsWith("coordinator:") ? labgrid : "coordinator: " + coordinator.address() + "\n  " + labgrid;
        return java.nio.file.Files.writeString(temp.resolve("labgrid-bad.yaml"), """
                name: labgrid-bad
                kind: labgrid
                profile: qemu-builtin-psci
                agent:
                  image: agent-virt
                consoles:
                  agent:
                    kind: telnet
                labgrid:
                  identity: selftest-host/fwcts-selftest
                  %s
                """.formatted(section));
    }

    private static Map<String, Map<String, Object>> resources(Object... clsAndParams) {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        for (int i = 0; i < clsAndParams.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) clsAndParams[i + 1];
            resources.put((String) clsAndParams[i], params);
        }
        return resources;
    }
}
