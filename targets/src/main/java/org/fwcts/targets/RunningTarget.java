package org.fwcts.targets;

import java.util.List;
import java.util.Map;

/** A launched target. Closing it stops everything it started; closing twice is harmless. */
public interface RunningTarget extends AutoCloseable {

    /**
     * The target's consoles, the agent's first; asked again whenever a console is reopened, so a
     * target whose console moves (a farm place acquired again) answers where it is now.
     */
    List<ConsoleEndpoint> consoles();

    /** False once the target has stopped by itself (crashed or powered off). */
    boolean isAlive();

    /** The images this boot uses, by role, with their SHA-256. */
    Map<String, String> imageHashes();

    /** The last lines the emulator or board tooling printed about itself, for error messages. */
    String diagnostics();

    /**
     * Resets the machine as its reset line would (every CPU and device; memory keeps its contents,
     * as a board's does) and lets the firmware boot again, keeping the process and the consoles
     * open. False, with nothing done, when this target cannot be reset in place; the caller then
     * closes it and launches anew.
     */
    default boolean resetInPlace() {
        return false;
    }

    /**
     * From now on hands each line of the consoles this target reads itself (an FVP's terminals
     * other than the agent's, which it drains so the model never stalls) to {@code listener}, with
     * the console's name. A target that reads none of its consoles itself has none to hand.
     */
    default void forwardOwnConsoles(java.util.function.BiConsumer<String, String> listener) {
    }

    @Override
    void close();
}
