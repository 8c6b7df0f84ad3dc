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
    private final AgentSession agent;

    public AgentMemory(AgentSession agent) {
        this.agent = agent;
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
        for (int offset = 0; offset < bytes.length; offset += CHUNK) {
            int length = Math.min(CHUNK, bytes.length - offset);
            String hex = HexFormat.of().formatHex(bytes, offset, offset + length);
            Result result = done(agent.request("wrb", List.of(hex(address + offset), hex)), false);
            if (!(result instanceof Result.Done)) {
                return result;
            }
        }
        return new Result.Done(0, new byte[0]);
    }

    public Result read(long address, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
        for (int offset = 0; offset < length; offset += CHUNK) {
            int chunk = Math.min(CHUNK, length - offset);
            Result result = done(agent.request("rdb", List.of(hex(address + offset), hex(chunk))), true);
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
        return done(agent.request("fill", List.of(hex(address), hex(length), hex(value & 0xFF))), false);
    }

    /** Branches with link to {@code address}; the code must return. {@code value} is x0 on return. */
    public Result execute(long address, long x0) {
        return done(agent.request("exec", List.of(hex(address), hex(x0))), false);
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
