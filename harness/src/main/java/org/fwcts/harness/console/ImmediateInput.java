package org.fwcts.harness.console;

/**
 * Input from a target that answers in the sender's own thread (an in-process simulation): what
 * it has written is there to take as soon as the write that caused it returns. A line channel
 * over such a console reads it after each send instead of on a reader thread, so a round trip
 * costs no thread hand-over.
 */
public interface ImmediateInput {

    /** The bytes written since the last take, without waiting; empty when there are none, null once closed. */
    byte[] take();
}
