package org.fwcts.harness.agent;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

/**
 * Memory commands of an agent, in the sizes the protocol allows: bulk reads and writes split
 * into 256-byte commands, hashing, filling and executing.
 */
public final class AgentMemory {
    /** The most bytes one {@code rdb} or {@code wrb} carries (PROTOCOL.md). */
    public static final int CHUNK = 256;
    /** The bytes one {@code wrb} carries on a console that drops input (Xen's guests): a short line gets through. */
    private static final int SLOW_INPUT_CHUNK = 64;
    /** How many more times such a console's memory command is sent after it arrived damaged every time. */
    private static final int SLOW_INPUT_REPEATS = 3;
    private final AgentSession agent;
    private final int writeChunk;
    private final boolean slowInput;

    public AgentMemory(AgentSession agent) {
        this(agent, CHUNK, false);
    }

    private AgentMemory(AgentSession agent, int writeChunk, boolean slowInput) {
        this.agent = agent;
        this.writeChunk = writeChunk;
        this.slowInput = slowInput;
    }

    /**
     * Memory commands for an agent whose console loses input when a line is long (a Xen guest's
     * vpl011 holds 32 bytes): writes go in short {@code wrb} lines, a run of zeros as one
     * {@code fill}, and a command the agent got damaged each time is sent again a few more times
     * (memory commands can be repeated without harm).
     */
    public static AgentMemory forSlowInput(AgentSession agent) {
        return new AgentMemory(agent, SLOW_INPUT_CHUNK, true);
    }

    /** What a memory command did: finished with a result, faulted, or gave no answer. */
    public sealed interface Result {
        /** The command ran; {@code value} is its result (bytes read, a hash, x0 after exec, or nothing). */
        record Done(long value, byte[] bytes) implements Result {
        }

        /** The access faulted; the agent recovered. */
        record Faulted(ExceptionReport exception) implements Result {
        }

        /** No usable answer: the target's state is unknown. */
        record Unanswered(String reason) implements Result {
        }
    }

    public Result write(long address, byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            int zeros = slowInput ? zerosAt(bytes, offset) : 0;
            Result result;
            if (zeros > writeChunk) {
                result = fill(address + offset, zeros, 0);
                offset += zeros;
            } else {
                int length = Math.min(writeChunk, bytes.length - offset);
                String hex = HexFormat.of().formatHex(bytes, offset, offset + length);
                result = done(request("wrb", List.of(hex(address + offset), hex)), false);
                offset += length;
            }
            if (!(result instanceof Result.Done)) {
                return result;
            }
        }
        return new Result.Done(0, new byte[0]);
    }

    private AgentReply request(String verb, List<String> args) {
        AgentReply reply = agent.request(verb, args);
        for (int again = 0; slowInput && again < SLOW_INPUT_REPEATS && reply instanceof AgentReply.Rejected rejected
                && (rejected.code().equals("crc") || rejected.code().equals("syntax")); again++) {
            reply = agent.request(verb, args);
        }
        return reply;
    }

    private static int zerosAt(byte[] bytes, int from) {
        int end = from;
        while (end < bytes.length && bytes[end] == 0) {
            end++;
        }
        return end - from;
    }

    public Result read(long address, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
        for (int offset = 0; offset < length; offset += CHUNK) {
            int chunk = Math.min(CHUNK, length - offset);
            Result result = done(request("rdb", List.of(hex(address + offset), hex(chunk))), true);
            if (!(result instanceof Result.Done done)) {
                return result;
            }
            bytes.writeBytes(done.bytes());
        }
        return new Result.Done(0, bytes.toByteArray());
    }

    public Result hash(long address, long length) {
        return done(agent.request("hash", List.of(hex(address), hex(length))), false);
    }

    public Result fill(long address, long length, int value) {
        return done(request("fill", List.of(hex(address), hex(length), hex(value & 0xFF))), false);
    }

    /** Branches with link to {@code address}; the code must return. {@code value} is x0 on return. */
    public Result execute(long address, long x0) {
        return done(agent.request("exec", List.of(hex(address), hex(x0))), false);
    }

    /** What a memory command's reply (one command or a chain's result) says; {@code hexBytes} for {@code rdb}. */
    public static Result result(AgentReply reply, boolean hexBytes) {
        return done(reply, hexBytes);
    }

    private static Result done(AgentReply reply, boolean hexBytes) {
        if (reply instanceof AgentReply.Ok ok) {
            if (ok.fields().isEmpty()) {
                return new Result.Done(0, new byte[0]);
            }
            return hexBytes ? new Result.Done(0, bytes(ok.fields().get(0))) : new Result.Done(ok.number(0), new byte[0]);
        }
        if (reply instanceof AgentReply.Fault fault) {
            return new Result.Faulted(fault.exception());
        }
        if (reply instanceof AgentReply.Rejected rejected) {
            return new Result.Unanswered("the agent refused the command: err " + rejected.code());
        }
        if (reply instanceof AgentReply.NotReturned notReturned) {
            return new Result.Unanswered(notReturned.reason());
        }
        return new Result.Unanswered(((AgentReply.NoReply) reply).reason());
    }

    /** The bytes of an {@code rdb} reply, two lower-case hex digits each. */
    private static byte[] bytes(String field) {
        if (!field.matches("([0-9a-f]{2})+")) {
            throw new AgentProtocolException("the agent broke the protocol: '"
                    + org.fwcts.targets.text.UntrustedText.line(field) + "' is not hex bytes");
        }
        return HexFormat.of().parseHex(field);
    }

    private static String hex(long value) {
        return Long.toHexString(value);
    }
}
