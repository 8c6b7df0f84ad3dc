package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board target against {@link StandInBoard}, a stand-in for a physical board made of QEMU,
 * socat, ser2net and PDUDaemon: the descriptor, power, deployment, serial and telnet consoles
 * and reconnection code are the real ones; only the board is not.
 */
@DisplayName("A board target (on a stand-in board: QEMU behind socat, ser2net and PDUDaemon)")
class BoardStandInSelfTests {
    private static final String TAGS = "smccc | psci";
    /** Long enough for the harness to notice the console is gone and wait for it. */
    private static final Duration OUTAGE = Duration.ofSeconds(2);
    private static final int TESTS_BEFORE_OUTAGE = 3;

    @TempDir
    static Path temp;
    private static Map<String, String> cleanVerdicts;

    @BeforeAll
    static void cleanRun() throws IOException {
        assumeTrue(StandInBoard.toolsPresent(), "needs socat, ser2net, pdudaemon and qemu-system-arm (./fwcts selftest installs them)");
        cleanVerdicts = SummaryVerdicts.cleanQemu(TAGS);
    }

    @Test
    @DisplayName("over a serial device with command power: the UART unplugged and replugged mid-run, same verdicts as QEMU")
    void serialConsoleSurvivesReplug() throws Exception {
        try (StandInBoard board = new StandInBoard(Files.createDirectories(temp.resolve("serial")))) {
            Path descriptor = descriptor(board, "serial", """
                    consoles:
                      agent:
                        kind: serial
                        device: %s
                        baud: 115200
                        parity: none
                        flowControl: none
                        reconnectSeconds: 20
                    board:
                      power:
                        type: commands
                        on: %s
                        off: %s
                      deploy:
                        type: folder
                        folder: %s
                    """.formatted(board.uart, board.powerOn, board.powerOff, board.tftp));
            runThroughOutage(board, descriptor, () -> board.replugUart(OUTAGE));
            assertThat(board.tftp.resolve("fwcts-agent.bin")).exists();
        }
    }

    @Test
    @DisplayName("over telnet through ser2net with PDUDaemon power: the console server restarted mid-run, same verdicts as QEMU")
    void telnetConsoleSurvivesConsoleServerRestart() throws Exception {
        try (StandInBoard board = new StandInBoard(Files.createDirectories(temp.resolve("telnet")))) {
            int pduPort = board.startPowerSwitch();
            int telnetPort = board.startConsoleServer();
            Path descriptor = descriptor(board, "telnet", """
                    consoles:
                      agent:
                        kind: telnet
                        host: 127.0.0.1
                        port: %d
                        reconnectSeconds: 20
                    board:
                      power:
                        type: pdudaemon
                        url: http://127.0.0.1:%d
                        pdu: %s
                        outlet: 1
                        rebootDelaySeconds: 1
                      deploy:
                        type: command
                        command: cp {image} %s/fwcts-agent.bin
                    """.formatted(telnetPort, pduPort, StandInBoard.PDU_NAME, board.tftp));
            runThroughOutage(board, descriptor, () -> board.restartConsoleServer(OUTAGE));
        }
    }

    private static Path descriptor(StandInBoard board, String name, String consoleAndBoard) throws IOException {
        return Files.writeString(board.dir.resolve("board-standin-" + name + ".yaml"), """
                # A stand-in for a physical board (QEMU virt behind host tools); see StandInBoard.
                name: board-standin-%s
                kind: board
                profile: qemu-builtin-psci
                agent:
                  image: agent-virt
                timeouts:
                  bootSeconds: 30
                  commandSeconds: 5
                """.formatted(name) + consoleAndBoard);
    }

    /** Something the stand-in board does to its console mid-run. */
    private interface Outage {
        void happen() throws Exception;
    }

    /** Runs the SMCCC/PSCI tests on the board, with {@code outage} a few tests in, and checks the verdicts. */
    private static void runThroughOutage(StandInBoard board, Path descriptor, Outage outage) throws Exception {
        Path runDir = board.dir.resolve("run");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("run", "--target",
                descriptor.toString(), "--tag", TAGS, "--output", runDir.toString()));
        awaitTestsFinished(runDir, run);
        outage.happen();
        assertSameVerdictsAsClean(run.get(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS), runDir, board);
    }

    /** Waits until the run has finished a few tests, so the outage falls in the middle of it. */
    private static void awaitTestsFinished(Path runDir, CompletableFuture<CliRun> run) throws Exception {
        Path journal = runDir.resolve("results.jsonl");
        boolean finished = RunWatch.until(() -> RunWatch.journalLines(journal).size() >= TESTS_BEFORE_OUTAGE,
                () -> !run.isDone());
        if (!finished && run.isDone()) {
            throw new AssertionError("the run ended before the outage: " + run.get().err() + run.get().out());
        }
        assertThat(finished).as("tests finished before the outage").isTrue();
    }

    private static void assertSameVerdictsAsClean(CliRun run, Path runDir, StandInBoard board) throws IOException {
        String console = Files.readString(runDir.resolve("console.log"));
        String firstBroken = Files.readAllLines(runDir.resolve("results.jsonl")).stream()
                .filter(line -> line.contains("\"BROKEN\"")).findFirst().orElse("");
        assertThat(run.exitCode()).as(run.out() + firstBroken + "\n--- console.log, from the outage ---\n"
                + console.substring(Math.max(0, console.indexOf("[console") - 3000))).isEqualTo(1);
        assertThat(SummaryVerdicts.of(runDir)).isEqualTo(cleanVerdicts);
        assertThat(Files.readString(runDir.resolve("console.log"))).as("the agent was greeted again after the outage")
                .contains("greeting the agent again");
    }

}
