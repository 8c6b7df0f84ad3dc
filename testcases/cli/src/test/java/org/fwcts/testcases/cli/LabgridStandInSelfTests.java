package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labgrid target against {@link StandInCoordinator}, a STAND-IN for labgrid's coordinator
 * (labgrid cannot be installed here) that speaks labgrid v26.0's gRPC protocol for the calls
 * FWCTS makes and behaves as v26.0's coordinator does in them. Its place is a {@link StandInBoard}:
 * the console a real ser2net started on each acquire over the board's socat pseudo-terminal, the
 * power the pdudaemon stand-in. FWCTS's own code (the gRPC client, the reservation, the console
 * and PDUDaemon drivers, recovery) runs unchanged.
 */
@DisplayName("A labgrid target (on a STAND-IN coordinator with labgrid v26.0's protocol, over a stand-in board)")
class LabgridStandInSelfTests {
    private static final String TAGS = "smccc | psci";
    private static final String PLACE = "standin-virt-1";
    private static final String IDENTITY = "selftest-host/fwcts-selftest";
    private static final String OTHER = "lab-pc/alice";
    private static final Duration OUTAGE = Duration.ofSeconds(2);

    @TempDir
    static Path temp;
    private static Map<String, String> cleanVerdicts;

    @BeforeAll
    static void cleanRun() throws IOException {
        assumeTrue(StandInBoard.toolsPresent(), "needs socat, ser2net, pdudaemon and qemu-system-arm (./fwcts selftest installs them)");
        cleanVerdicts = SummaryVerdicts.cleanQemu(TAGS);
    }

    @Test
    @DisplayName("waits while another identity holds the place, then runs through a console outage and a re-acquire"
            + " on a new port: same verdicts as QEMU, the place released and nothing left behind")
    void runsThroughOutageAndReacquire() throws Exception {
        try (StandInBoard board = new StandInBoard(Files.createDirectories(temp.resolve("farm")));
                StandInCoordinator coordinator = new StandInCoordinator()) {
            addBoardPlace(coordinator, board);
            coordinator.acquireAs(PLACE, OTHER);
            Path descriptor = descriptor(board.dir, coordinator, "place: " + PLACE + "\n  deploy:\n    type: command\n"
                    + "    command: cp {image} " + board.tftp + "/fwcts-agent.bin\n");
            Path runDir = board.dir.resolve("run");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("run", "--target",
                    descriptor.toString(), "--tag", TAGS, "--output", runDir.toString()));
            RunWatch.until(() -> coordinator.openReservations() > 0, () -> !run.isDone());
            Thread.sleep(1500);
            assertThat(run).as("waiting for the other identity").isNotDone();
            assertThat(coordinator.acquiredBy(PLACE)).contains(OTHER);
            coordinator.kick(PLACE);
            awaitResults(runDir, run, 3);
            board.restartConsoleServer(OUTAGE);
            awaitResults(runDir, run, 8);
            coordinator.kick(PLACE);
            CliRun finished = run.get(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS);

            String console = Files.readString(runDir.resolve("console.log"));
            assertThat(finished.exitCode()).as(finished.out() + finished.err() + "\n--- console.log ---\n"
                    + console.substring(Math.max(0, console.length() - 4000))).isEqualTo(1);
            assertThat(SummaryVerdicts.of(runDir)).isEqualTo(cleanVerdicts);
            assertThat(finished.err()).contains("waiting up to 600 s for labgrid place '" + PLACE + "', held by " + OTHER)
                    .contains("acquiring it again").contains("released labgrid place '" + PLACE + "'");
            assertThat(console).as("the agent was greeted again after each outage").contains("greeting the agent again");
            assertNothingLeft(coordinator, finished, runDir);
        }
    }

    @Test
    @DisplayName("releases the place on SIGTERM; after a SIGKILL reports the place left acquired by its own identity and"
            + " takes it over only when told to")
    void releasesOnSignalAndReportsStaleAfterKill() throws Exception {
        try (StandInBoard board = new StandInBoard(Files.createDirectories(temp.resolve("signals")));
                StandInCoordinator coordinator = new StandInCoordinator()) {
            addBoardPlace(coordinator, board);
            String deploy = "\n  deploy:\n    type: command\n    command: cp {image} " + board.tftp + "/fwcts-agent.bin\n";
            Path descriptor = descriptor(board.dir, coordinator, "place: " + PLACE + deploy);

            Process terminated = childRun(descriptor, board.dir.resolve("terminated"));
            terminated.destroy(); // SIGTERM: the signal handler exits, the shutdown hook releases
            assertThat(terminated.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(coordinator.acquiredBy(PLACE)).as("released on SIGTERM").isEmpty();
            assertThat(coordinator.openReservations()).isZero();

            Process killed = childRun(descriptor, board.dir.resolve("killed"));
            killed.destroyForcibly(); // SIGKILL: nothing runs, the place stays acquired as with labgrid's own client
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(coordinator.acquiredBy(PLACE)).contains(IDENTITY);

            CliRun refused = CliRun.of("run", "--target", descriptor.toString(), "--tag", "rule:PSCI.VERSION", "--output",
                    board.dir.resolve("refused").toString());
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains(descriptor + ": labgrid.place: place '" + PLACE + "' is still acquired by "
                    + IDENTITY + ", FWCTS's own identity on this host").contains("labgrid.takeOverStale: true");
            assertThat(coordinator.acquiredBy(PLACE)).contains(IDENTITY);

            Path takeOver = descriptor(board.dir, coordinator, "place: " + PLACE + "\n  takeOverStale: true" + deploy);
            Path runDir = board.dir.resolve("taken-over");
            CliRun taken = CliRun.of("run", "--target", takeOver.toString(), "--tag", "rule:PSCI.VERSION", "--output",
                    runDir.toString());
            assertThat(taken.exitCode()).as(taken.out() + taken.err()).isZero();
            assertThat(taken.err()).contains("taking over labgrid place '" + PLACE + "', left acquired by " + IDENTITY);
            assertNothingLeft(coordinator, taken, runDir);
        }
    }

    /** Starts {@code fwcts run} in a child JVM and returns once it holds the place and has finished a test. */
    private static Process childRun(Path descriptor, Path runDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process fwcts = new ProcessBuilder(List.of(java, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(),
                "run", "--target", descriptor.toString(), "--tag", TAGS, "--progress", "plain", "--output", runDir.toString()))
                .redirectOutput(runDir.resolveSibling(runDir.getFileName() + ".out").toFile()).redirectErrorStream(true).start();
        Path journal = runDir.resolve("results.jsonl");
        if (!RunWatch.until(() -> !RunWatch.journalLines(journal).isEmpty(), fwcts::isAlive)) {
            fwcts.destroyForcibly();
            throw new AssertionError("the child run finished no test: "
                    + RunWatch.printed(runDir.resolveSibling(runDir.getFileName() + ".out")));
        }
        return fwcts;
    }

    private static void addBoardPlace(StandInCoordinator coordinator, StandInBoard board) throws Exception {
        int pduPort = board.startPowerSwitch();
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        resources.put("NetworkSerialPort", StandInPlace.networkSerialPort());
        resources.put("PDUDaemonPort", Map.of("host", "127.0.0.1:" + pduPort, "pdu", StandInBoard.PDU_NAME, "index", 1L));
        coordinator.addPlace(PLACE, Map.of("board", "virt"), resources, Optional.of(new StandInCoordinator.ConsoleServer() {
            @Override
            public int start() throws Exception {
                return board.startConsoleServerOnNewPort();
            }

            @Override
            public void stop() {
                board.stopConsoleServer();
            }
        }));
    }

    static Path descriptor(Path dir, StandInCoordinator coordinator, String labgrid) throws IOException {
        return Files.writeString(dir.resolve("labgrid-standin.yaml"), """
                # A place of a STAND-IN labgrid coordinator (see StandInCoordinator).
                name: labgrid-standin
                kind: labgrid
                profile: qemu-builtin-psci
                agent:
                  image: agent-virt
                consoles:
                  agent:
                    kind: telnet
                    reconnectSeconds: 20
                timeouts:
                  bootSeconds: 30
                  commandSeconds: 5
                labgrid:
                  coordinator: %s
                  identity: %s
                  %s""".formatted(coordinator.address(), IDENTITY, labgrid));
    }

    private static void awaitResults(Path runDir, CompletableFuture<CliRun> run, int count) throws Exception {
        Path journal = runDir.resolve("results.jsonl");
        boolean finished = RunWatch.until(() -> RunWatch.journalLines(journal).size() >= count, () -> !run.isDone());
        if (!finished && run.isDone()) {
            throw new AssertionError("the run ended early: " + run.get().err() + run.get().out());
        }
        assertThat(finished).as(count + " tests finished").isTrue();
    }

    /** The place is free, no reservation or session is left, no console server runs, and no token was printed or written. */
    static void assertNothingLeft(StandInCoordinator coordinator, CliRun run, Path runDir) throws Exception {
        assertThat(coordinator.acquiredBy(PLACE)).isEmpty();
        assertThat(coordinator.openReservations()).isZero();
        RunWatch.until(() -> coordinator.openSessions() == 0, () -> true);
        assertThat(coordinator.openSessions()).as("client sessions left open").isZero();
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("ser2net")))
                .as("console servers left running").isEmpty();
        StringBuilder written = new StringBuilder(run.out()).append(run.err());
        if (runDir != null && Files.isDirectory(runDir)) {
            try (Stream<Path> files = Files.walk(runDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    written.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(coordinator.tokensIssued()).isNotEmpty()
                .allSatisfy(token -> assertThat(written.toString()).as("a reservation token in the output").doesNotContain(token));
    }

}
