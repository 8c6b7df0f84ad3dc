package org.fwcts.testcases.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.fwcts.targets.TargetException;

/**
 * A run folder held by one run at a time: a new run creates its folder in one step (so of two
 * runs given the same {@code --output} only one gets it) and every run, resumed ones too, holds
 * an exclusive lock on the folder's lock file until it ends. The operating system drops the lock
 * when the process dies, so a killed run's folder can be resumed.
 */
final class RunFolderLock implements AutoCloseable {
    static final String FILE = org.fwcts.reports.RunFiles.LOCK;

    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates {@code dir}, which must not exist, and locks it. */
    static RunFolderLock create(Path dir) {
        try {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new TargetException(dir + ": the run folder exists already (another run may have just taken it);"
                    + " choose another (nothing was overwritten)");
        } catch (IOException e) {
            throw new TargetException("cannot create the run folder " + dir + ": " + e.getMessage(), e);
        }
        return lock(dir);
    }

    /** Locks the existing run folder {@code dir}; refused while another run holds it. */
    static RunFolderLock lock(Path dir) {
        try {
            FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM
            }
            if (lock == null) {
                channel.close();
                throw new TargetException(dir + ": another fwcts run is writing into this folder; wait for it to end"
                        + " (nothing was changed)");
            }
            return new RunFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the run folder " + dir, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel or ending the process releases the lock all the same.
        }
    }
}
