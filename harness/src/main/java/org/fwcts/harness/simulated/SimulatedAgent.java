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
    private static final String IDENTITY = "el=2 caps=smc,hvc,mem,exec,hash,echo,chain,callmark ver=sim-1.3";
    /** Version 2 adds which agent this is: the host agent at EL2, the hypervisor's endpoint 0. */
    private static final String IDENTITY_V2 = "agent=host ep=0";
    private static final String CHAIN_SEPARATOR = "/";
    private final SimulatedMachine machine;
    private long lastSequence;
    private String lastReply;
    /** Calls started since the link last took their markers. */
    private int callMarks;
    /** Inside a call the firmware never returns from: the agent reads nothing more. */
    private boolean stuck;

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
        if (stuck || line.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reply(line));
        } catch (NeverReturns.Hang hang) {
            stuck = true;
            return Optional.empty();
        }
    }

    /** How many calls began since the last time this was asked: each gets its marker byte before any reply. */
    int takeCallMarks() {
        int marks = callMarks;
        callMarks = 0;
        return marks;
    }

    private long[] call(String verb, long[] registers) {
        callMarks++;
        return machine.call(verb, registers);
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
                return registerFields(call(verb, numbers(args, 0, 18)));
            case "chain":
                return chain(args);
            default:
                return machine.memoryCommand(verb, args);
        }
    }

    /**
     * Runs a chain's operations in order (PROTOCOL.md, "Chains"): each answers {@code ok ...} or
     * {@code fault ...}, each expectation {@code ok} or {@code no}; a fault or a {@code no} ends it.
     * The whole line is checked before anything runs, so a bad operation runs none.
     */
    private List<String> chain(List<String> args) {
        if (args.isEmpty()) {
            throw new ProtocolError("args");
        }
        List<List<String>> operations = new ArrayList<>();
        for (int start = 0, i = 0; i <= args.size(); i++) {
            if (i == args.size() || args.get(i).equals(CHAIN_SEPARATOR)) {
                List<String> operation = args.subList(start, i);
                if (operation.isEmpty()) {
                    throw new ProtocolError("syntax");
                }
                checkChained(operation, operations.isEmpty() ? "" : operations.get(operations.size() - 1).get(0));
                operations.add(operation);
                start = i + 1;
            }
        }
        List<String> results = new ArrayList<>();
        long[] last = null;
        for (List<String> operation : operations) {
            if (!results.isEmpty()) {
                results.add(CHAIN_SEPARATOR);
            }
            String verb = operation.get(0);
            List<String> rest = operation.subList(1, operation.size());
            if (verb.equals("expect")) {
                long[] e = numbers(rest, 3, 3);
                boolean holds = last != null && (last[(int) e[0]] & e[2]) == e[1];
                results.add(holds ? "ok" : "no");
                if (!holds) {
                    break;
                }
                continue;
            }
            try {
                if (verb.equals("smc") || verb.equals("hvc")) {
                    long[] registers = java.util.Arrays.copyOf(call(verb, numbers(rest, 0, 18)), 18);
                    last = registers;
                    results.add("ok");
                    results.addAll(registerFields(registers));
                } else {
                    List<String> fields = machine.memoryCommand(verb, rest);
                    results.add("ok");
                    results.addAll(fields);
                }
            } catch (SimulatedFault fault) {
                results.addAll(List.of("fault", hex(fault.esr()), hex(fault.far()), hex(fault.elr())));
                break;
            }
        }
        return results;
    }

    /** The checks a chained operation must pass before the chain runs. */
    private static void checkChained(List<String> operation, String previous) {
        String verb = operation.get(0);
        List<String> rest = operation.subList(1, operation.size());
        switch (verb) {
            case "smc", "hvc" -> numbers(rest, 0, 18);
            case "rdb" -> {
                long[] a = numbers(rest, 2, 2);
                if (a[1] < 1 || a[1] > 256) {
                    throw new ProtocolError("range");
                }
            }
            case "wrb" -> {
                if (rest.size() != 2 || rest.get(1).length() % 2 != 0 || !lowerHex(rest.get(1))) {
                    throw new ProtocolError("args");
                }
                number(rest.get(0));
                if (rest.get(1).isEmpty() || rest.get(1).length() > 512) {
                    throw new ProtocolError("range");
                }
            }
            case "expect" -> {
                long[] e = numbers(rest, 3, 3);
                // An expectation judges the result of the call it follows (or of that call's last expectation).
                if (!previous.equals("smc") && !previous.equals("hvc") && !previous.equals("expect")) {
                    throw new ProtocolError("args");
                }
                if (e[0] > 17) {
                    throw new ProtocolError("range");
                }
            }
            default -> throw new ProtocolError("verb");
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
        if (text.isEmpty() || text.length() > 16 || !lowerHex(text)) {
            throw new ProtocolError(text.length() > 16 ? "range" : "args");
        }
        return Long.parseUnsignedLong(text, 16);
    }

    private static boolean lowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
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
