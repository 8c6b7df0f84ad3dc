package org.fwcts.targets.labgrid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.ProcessReaper;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.board.Power;

/**
 * A place's power switch that FWCTS has no driver for, switched by labgrid's own client
 * ({@code labgrid-client power on|off|cycle}), whose drivers run client-side. The client claims
 * FWCTS's identity (LG_HOSTNAME, LG_USERNAME), which holds the place.
 */
final class LabgridClientPower implements Power {
    static final String PROGRAM = "labgrid-client";
    private static final long TIMEOUT_SECONDS = 60;
    private final LabgridSettings settings;
    private final String place;

    LabgridClientPower(LabgridSettings settings, String place) {
        this.settings = settings;
        this.place = place;
    }

    @Override
    public void on() {
        run("on");
    }

    @Override
    public void off() {
        run("off");
    }

    @Override
    public void cycle() {
        run("cycle");
    }

    private void run(String action) {
        List<String> command = List.of(PROGRAM, "-x", settings.coordinator(), "-p", place, "power", action);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String[] identity = settings.identity().split("/", 2);
        builder.environment().put("LG_HOSTNAME", identity[0]);
        builder.environment().put("LG_USERNAME", identity[1]);
        try {
            Process process = ProcessReaper.track(builder.start());
            process.getOutputStream().close();
            boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                ProcessReaper.stop(process);
                throw new TargetException(this + ": power " + action + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new TargetException(this + ": power " + action + " exited with " + process.exitValue()
                        + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (IOException e) {
            throw new TargetException(this + ": cannot run " + PROGRAM + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(this + ": interrupted during power " + action, e);
        }
    }

    @Override
    public String toString() {
        return PROGRAM + " -p " + place + " power";
    }
}
