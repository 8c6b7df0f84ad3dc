package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.fwcts.reports.TestStatus;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs suites through the fault-injecting console at several rates and compares each with a clean
 * run: the same tests, the same verdict for every one, and the damage recovered by retransmission.
 */
@DisplayName("fwcts run through a console that drops, corrupts, duplicates, delays and adds noise")
class FaultInjectionSelfTests {
    private static final long SEED = 7;

    @TempDir
    Path temp;

    @Test
    @DisplayName("gives the SMCCC/PSCI suite on QEMU the verdicts of a clean run at 1%, 5% and 20% faults")
    void smcccAndPsciOnQemu() throws Exception {
        Path target = fastCopy("qemu-virt.yaml");
        checkAgainstCleanRun(target, List.of("--tag", "smccc | psci"), List.of(0.01, 0.05, 0.2));
    }

    @Test
    @DisplayName("gives FF-A tests on the simulated target the verdicts of a clean run at 1%, 5% and 20% faults")
    void ffaOnSimulatedTarget() throws Exception {
        Path target = fastCopy("simulated-tfa.yaml");
        checkAgainstCleanRun(target, List.of("--tag", "ffa", "--test", "FfaVersion", "--test", "FfaMemorySend",
                "--test", "FfaDirectMessaging"), List.of(0.01, 0.05, 0.2));
    }

    private void checkAgainstCleanRun(Path target, List<String> selection, List<Double> rates) {
        Map<String, TestStatus> clean = verdicts(run(target, selection, 0.0));
        assertThat(clean).isNotEmpty();
        for (double rate : rates) {
            StoredRun faulty = run(target, selection, rate);
            Map<String, String> facts = faulty.target();
            int damaging = 0;
            int injected = 0;
            for (String kind : List.of("DROP_REPLY", "CORRUPT_REPLY", "DROP_REQUEST", "CORRUPT_REQUEST")) {
                damaging += Integer.parseInt(facts.get("faultsInjected " + kind));
            }
            for (Map.Entry<String, String> fact : facts.entrySet()) {
                if (fact.getKey().startsWith("faultsInjected ")) {
                    injected += Integer.parseInt(fact.getValue());
                }
            }
            int retransmissions = Integer.parseInt(facts.get("retransmissions"));
            System.out.printf("fault injection %s rate %.2f: %d faults (%d damaging) %s, %d retransmissions,"
                    + " %d wrong verdicts, %d lost results%n", target.getFileName(), rate, injected, damaging,
                    faultCounts(facts), retransmissions, wrongVerdicts(clean, verdicts(faulty)),
                    lostResults(clean, verdicts(faulty)));
            assertThat(verdicts(faulty)).as("verdicts at fault rate " + rate).isEqualTo(clean);
            if (damaging > 0) {
                assertThat(retransmissions).as("retransmissions at fault rate " + rate).isPositive();
            }
        }
    }

    private StoredRun run(Path target, List<String> selection, double rate) {
        Path runDir = temp.resolve(target.getFileName() + "-" + rate);
        List<String> args = new ArrayList<>(List.of("run", "-t", target.toString(), "--progress", "plain", "-o",
                runDir.toString(), "--inject-faults", rate + ":" + SEED));
        args.addAll(selection);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isLessThan(2);
        return StoredRun.read(runDir);
    }

    /** A copy of a shipped descriptor with a one-second command deadline, so lost lines cost little. */
    private Path fastCopy(String shipped) throws Exception {
        String text = Files.readString(ProjectLayout.discover().targetsDir().resolve(shipped));
        Path copy = temp.resolve(shipped);
        Files.writeString(copy, text.replaceAll("commandSeconds: \\d+", "commandSeconds: 1"));
        return copy;
    }

    private static Map<String, TestStatus> verdicts(StoredRun run) {
        Map<String, TestStatus> verdicts = new LinkedHashMap<>();
        for (TestRecord record : run.records()) {
            verdicts.put(record.id(), record.status());
        }
        return verdicts;
    }

    private static long wrongVerdicts(Map<String, TestStatus> clean, Map<String, TestStatus> faulty) {
        return clean.entrySet().stream().filter(e -> faulty.containsKey(e.getKey()) && faulty.get(e.getKey()) != e.getValue())
                .count();
    }

    private static long lostResults(Map<String, TestStatus> clean, Map<String, TestStatus> faulty) {
        return clean.keySet().stream().filter(id -> !faulty.containsKey(id)).count();
    }

    private static String faultCounts(Map<String, String> facts) {
        StringBuilder text = new StringBuilder("[");
        facts.forEach((key, value) -> {
            if (key.startsWith("faultsInjected ")) {
                text.append(text.length() > 1 ? " " : "").append(key.substring(15)).append('=').append(value);
            }
        });
        return text.append(']').toString();
    }
}
