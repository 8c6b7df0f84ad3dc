package org.fwcts.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * Bytes one thread adds and another reads through a blocking stream. Once ended, the reader gets
 * what is left and then the end. Beyond its capacity the oldest bytes go, so a reader that stopped
 * reading cannot make the writer's side grow without bound.
 */
final class ByteQueue {
    private final String name;
    private final int capacity;
    private final ArrayDeque<Byte> pending = new ArrayDeque<>();
    private final InputStream input = new Reader();
    private boolean ended;

    /** @param name what the queue carries, for the message of an interrupted read */
    ByteQueue(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    synchronized void add(byte[] bytes) {
        for (byte b : bytes) {
            if (pending.size() == capacity) {
                pending.removeFirst();
            }
            pending.addLast(b);
        }
        notifyAll();
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    InputStream input() {
        return input;
    }

    private final class Reader extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            synchronized (ByteQueue.this) {
                while (pending.isEmpty() && !ended) {
                    try {
                        ByteQueue.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading " + name);
                    }
                }
                if (pending.isEmpty()) {
                    return -1;
                }
                int count = 0;
                while (count < length && !pending.isEmpty()) {
                    buffer[offset + count++] = pending.removeFirst();
                }
                return count;
            }
        }
    }
}
