package org.fwcts.harness.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fwcts.harness.agent.AgentReply;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.console.XenConsoleDemultiplexer;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.xen.XenGuest;

/**
 * Prints how input paced into Xen's guests fares: for each way of pacing (by the agent's
 * acknowledgements, by the clock as configured), {@code echo} lines of about 200 bytes to each
 * guest in turn on one boot of {@code targets/qemu-xen.yaml}: how many were answered (a lost
 * line is sent again, as in a run), the median and 90th-percentile round trip of those, Xen's
 * dropped-input notices and the sessions' retransmissions. Each way runs twice, alternating, so
 * that a change in the machine's load weighs on both. Needs FWCTS_XEN and FWCTS_XEN_TFA, as the Xen self-tests do.
 *
 * <pre>
 * FWCTS_XEN=… FWCTS_XEN_TFA=… mvn -B -q -pl harness exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test "-Dexec.args=-cp %classpath org.fwcts.harness.session.XenConsolePacingBenchmark 20"
 * </pre>
 */
public final class XenConsolePacingBenchmark {
    private static final String TEXT = "0123456789abcdef".repeat(12);

    private XenConsolePacingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String image = System.getenv("FWCTS_XEN");
        String tfa = System.getenv("FWCTS_XEN_TFA");
        if (image == null || tfa == null || !Files.isReadable(Path.of(image)) || !Files.isReadable(Path.of(tfa, "bl1.bin"))) {
            System.err.println("FWCTS_XEN and FWCTS_XEN_TFA must name Xen's image and the TF-A build folder");
            System.exit(2);
        }
        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = DescriptorLoader.load(layout.targetsDir().resolve("qemu-xen.yaml"));
        Path dir = Files.createTempDirectory("fwcts-xen-pacing");
        try (TargetSession session = TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout), dir,
                Transcript.toFile(dir.resolve("console.log")))) {
            XenGuestTarget xen = (XenGuestTarget) session.target();
            XenConsoleDemultiplexer console = xen.console();
            System.out.printf("%d echo lines of %d bytes per guest and way, %d guests; transcript %s%n", lines,
                    TEXT.length(), xen.sessions().size(), dir.resolve("console.log"));
            for (boolean clock : List.of(false, true, false, true)) {
                console.paceByClockOnly(clock);
                measure(clock ? "by the clock" : "acknowledged", xen, console, lines);
            }
        }
    }

    private static void measure(String way, XenGuestTarget xen, XenConsoleDemultiplexer console, int lines) {
        long dropsBefore = drops(xen, console);
        long lateBefore = console.ackTimeouts();
        int retransmissionsBefore = retransmissions(xen);
        List<Long> nanos = new ArrayList<>();
        int answered = 0;
        int sent = 0;
        for (int i = 0; i < lines; i++) {
            for (Map.Entry<XenGuest, AgentSession> guest : xen.sessions().entrySet()) {
                sent++;
                long start = System.nanoTime();
                AgentReply reply = guest.getValue().request("echo", List.of(TEXT + Integer.toHexString(i)));
                long took = System.nanoTime() - start;
                if (reply instanceof AgentReply.Ok) {
                    answered++;
                    nanos.add(took);
                }
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-13s %3d/%3d answered, round trip median %6.1f ms, p90 %6.1f ms; Xen dropped input %4d times;"
                        + " %3d retransmissions; %d late acknowledgements%n", way, answered, sent,
                percentile(sorted, 0.5), percentile(sorted, 0.9), drops(xen, console) - dropsBefore,
                retransmissions(xen) - retransmissionsBefore, console.ackTimeouts() - lateBefore);
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) (fraction * sorted.length))] / 1e6;
    }

    private static long drops(XenGuestTarget xen, XenConsoleDemultiplexer console) {
        long total = 0;
        for (XenGuest guest : xen.sessions().keySet()) {
            total += console.inputDropped(guest.domain());
        }
        return total;
    }

    private static int retransmissions(XenGuestTarget xen) {
        return xen.sessions().values().stream().mapToInt(AgentSession::retransmissions).sum();
    }
}
