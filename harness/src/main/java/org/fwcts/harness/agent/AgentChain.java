package org.fwcts.harness.agent;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fwcts.model.Registers;

/**
 * Agent operations that one {@code chain} request carries (PROTOCOL.md, "Chains"): the agent
 * runs them in order and stops at the first that faults or whose {@code expect} does not hold,
 * and one reply brings back every result. An agent that lists the {@code chain} capability
 * serves it; for any other the caller keeps to one command a line.
 *
 * <p>Operations are grouped in units: an operation that answers, with the expectations on its
 * result. Units never straddle two lines; a chain longer than a line is sent as several lines,
 * the next only when the one before ran to its end.
 */
public final class AgentChain {
    /** The capability an agent's banner lists when it serves chains. */
    public static final String CAPABILITY = "chain";
    /** The longest {@code chain} request or reply line, in bytes before the line ending (PROTOCOL.md). */
    public static final int LINE_LIMIT = 4096;
    /** What a request or reply line needs beyond its operations: {@code >ffffffff chain}, the trailer. */
    private static final int LINE_OVERHEAD = 32;
    /** The separator field between operations, in requests and replies. */
    public static final String SEPARATOR = "/";
    /** The longest reply of an {@code smc} or {@code hvc}: status and 18 registers. */
    private static final int CALL_REPLY_BOUND = 6 + Registers.COUNT * 17;

    private final List<Unit> units = new ArrayList<>();

    /**
     * One operation that answers and the expectations on its result, with the reply bytes it may
     * take and how many results it brings back (one for the operation, one per expectation).
     */
    record Unit(List<String> fields, int replyBound, int results) {
    }

    /** {@code smc X0..X17} (trailing zero registers left out). */
    public AgentChain smc(Registers call) {
        return call("smc", call);
    }

    /** {@code hvc X0..X17}. */
    public AgentChain hvc(Registers call) {
        return call("hvc", call);
    }

    private AgentChain call(String verb, Registers call) {
        List<String> fields = new ArrayList<>();
        fields.add(verb);
        fields.addAll(AgentSession.registerFields(call));
        units.add(new Unit(fields, CALL_REPLY_BOUND, 1));
        return this;
    }

    /**
     * {@code expect R VALUE MASK} on the last operation: the agent goes on only when register
     * {@code R} of that call's result, masked, equals {@code value}.
     */
    public AgentChain expect(int register, long value, long mask) {
        if (units.isEmpty() || register < 0 || register >= Registers.COUNT) {
            throw new IllegalArgumentException("an expectation follows a call and names x0 to x17");
        }
        Unit last = units.remove(units.size() - 1);
        List<String> fields = new ArrayList<>(last.fields());
        fields.addAll(List.of(SEPARATOR, "expect", Integer.toHexString(register), Long.toHexString(value),
                Long.toHexString(mask)));
        units.add(new Unit(fields, last.replyBound() + 5, last.results() + 1));
        return this;
    }

    /** {@code wrb ADDR HEX}, in commands of at most {@link AgentMemory#CHUNK} bytes. */
    public AgentChain write(long address, byte[] bytes) {
        for (int offset = 0; offset < bytes.length; offset += AgentMemory.CHUNK) {
            int length = Math.min(AgentMemory.CHUNK, bytes.length - offset);
            units.add(new Unit(List.of("wrb", Long.toHexString(address + offset),
                    HexFormat.of().formatHex(bytes, offset, offset + length)), 3, 1));
        }
        return this;
    }

    /** {@code rdb ADDR LEN} commands reading {@code length} bytes; returns how many commands that took. */
    public int read(long address, int length) {
        int commands = 0;
        for (int offset = 0; offset < length; offset += AgentMemory.CHUNK) {
            int chunk = Math.min(AgentMemory.CHUNK, length - offset);
            units.add(new Unit(List.of("rdb", Long.toHexString(address + offset), Integer.toHexString(chunk)),
                    4 + 2 * chunk, 1));
            commands++;
        }
        return commands;
    }

    /** How many operations answer (expectations left out): the results {@link AgentSession#chain} gives back at most. */
    public int size() {
        return units.size();
    }

    /** The request lines' arguments (after the verb), each line's units packed up to the line limit. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        List<String> args = new ArrayList<>();
        List<Unit> members = new ArrayList<>();
        int request = 0;
        int reply = 0;
        int count = 0;
        for (Unit unit : units) {
            int length = unit.fields().stream().mapToInt(f -> f.length() + 1).sum() + 2;
            if (count > 0 && (request + length > LINE_LIMIT - LINE_OVERHEAD
                    || reply + unit.replyBound() + 3 > LINE_LIMIT - LINE_OVERHEAD)) {
                lines.add(new Line(args, members));
                args = new ArrayList<>();
                members = new ArrayList<>();
                request = 0;
                reply = 0;
                count = 0;
            }
            if (count > 0) {
                args.add(SEPARATOR);
            }
            args.addAll(unit.fields());
            members.add(unit);
            request += length;
            reply += unit.replyBound() + 3;
            count++;
        }
        if (count > 0) {
            lines.add(new Line(args, members));
        }
        return lines;
    }

    /** One request line: its arguments and its units. */
    record Line(List<String> args, List<Unit> units) {
        /** The results the line brings back when it runs to its end. */
        int results() {
            return units.stream().mapToInt(Unit::results).sum();
        }
    }
}
