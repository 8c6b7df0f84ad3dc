package org.fwcts.harness.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.ProtocolLine;

/**
 * The normal-world agent of the simulated machine: speaks agent protocol versions 1 and 2
 * (firmware-images/agent/PROTOCOL.md) line by line, so the harness drives it exactly as it
 * drives a real agent; {@link InProcessLink} carries the lines.
 */
final class SimulatedAgent {
    private static final String IDENTITY = "el=2 caps=smc,hvc,mem,exec,hash,echo ver=sim-1.1";
    /** Version 2 adds which agent this is: the host agent at EL2, the hypervisor's endpoint 0. */
    private static final String IDENTITY_V2 = "agent=host ep=0";
    private final SimulatedMachine machine;
    private long lastSequence;
    private String lastReply;

    SimulatedAgent(SimulatedMachine machine) {
        this.machine = machine;
    }

    /** What the machine prints as it boots: its partitions' lines, then the agent's banner. */
    List<String> bootLines() {
        List<String> lines = new ArrayList<>(machine.partitionBootLines());
        lines.add(new ProtocolLine(ProtocolLine.EVENT, "fwcts-agent", List.of(("proto=2 " + IDENTITY + " "
                + IDENTITY_V2).split(" "))).encode());
        return lines;
    }

    /** The agent's answer to one line from the host; empty for a blank line. */
    Optional<String> answer(String received) {
        String line = received.strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(reply(line));
    }

    private String reply(String line) {
        Optional<ProtocolLine> request = ProtocolLine.decode(line).filter(l -> l.kind() == ProtocolLine.REQUEST);
        if (request.isEmpty()) {
            return reply(sequenceOf(line), "err", List.of("crc"));
        }
        ProtocolLine frame = request.get();
        if (frame.fields().isEmpty()) {
            return reply(frame.head(), "err", List.of("syntax"));
        }
        String verb = frame.fields().get(0);
        if (!verb.equals("hello") && !verb.equals("last") && lastReply != null && frame.sequence() == lastSequence) {
            return lastReply;
        }
        List<String> args = frame.fields().subList(1, frame.fields().size());
        String reply;
        boolean remembered = !verb.equals("hello") && !verb.equals("last");
        try {
            reply = reply(frame.head(), "ok", execute(verb, args));
        } catch (SimulatedFault fault) {
            reply = reply(frame.head(), "fault", List.of(hex(fault.esr()), hex(fault.far()), hex(fault.elr())));
        } catch (ProtocolError error) {
            reply = reply(frame.head(), "err", List.of(error.getMessage()));
            remembered = false;
        }
        if (verb.equals("hello")) {
            lastReply = null;
        } else if (remembered) {
            lastSequence = frame.sequence();
            lastReply = reply;
        }
        return reply;
    }

    private List<String> execute(String verb, List<String> args) {
        switch (verb) {
            case "hello":
                if (args.size() != 1 || !args.get(0).equals("1") && !args.get(0).equals("2")) {
                    throw new ProtocolError("proto");
                }
                String identity = "proto=" + args.get(0) + " " + IDENTITY + (args.get(0).equals("2") ? " " + IDENTITY_V2 : "");
                return List.of(identity.split(" "));
            case "echo":
                return args;
            case "last":
                return List.of(hex(lastReply == null ? 0 : lastSequence));
            case "smc":
            case "hvc":
                return registerFields(machine.call(verb, numbers(args, 0, 18)));
            default:
                return machine.memoryCommand(verb, args);
        }
    }

    static long[] numbers(List<String> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new ProtocolError("args");
        }
        long[] values = new long[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(args.get(i));
        }
        return values;
    }

    static long number(String text) {
        if (text.isEmpty() || text.length() > 16 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0
                && !Character.isUpperCase(c))) {
            throw new ProtocolError(text.length() > 16 ? "range" : "args");
        }
        return Long.parseUnsignedLong(text, 16);
    }

    private static List<String> registerFields(long[] registers) {
        int count = registers.length;
        while (count > 1 && registers[count - 1] == 0) {
            count--;
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(hex(registers[i]));
        }
        return fields;
    }

    private static String reply(String sequence, String status, List<String> fields) {
        List<String> all = new ArrayList<>();
        all.add(status);
        all.addAll(fields);
        return new ProtocolLine(ProtocolLine.REPLY, sequence, all).encode();
    }

    private static String sequenceOf(String line) {
        int space = line.indexOf(' ');
        String head = space > 1 ? line.substring(1, space) : "";
        return head.matches("[0-9a-f]{1,8}") && !head.equals("0") ? head : "0";
    }

    static String hex(long value) {
        return Long.toHexString(value);
    }

    /** A request the agent refuses with {@code err CODE}. */
    static final class ProtocolError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProtocolError(String code) {
            super(code, null, false, false);
        }
    }
}
