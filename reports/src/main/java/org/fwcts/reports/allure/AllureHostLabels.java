package org.fwcts.reports.allure;

import org.fwcts.reports.HostName;

/**
 * Gives Allure its {@code host} and {@code thread} labels before its listener computes them.
 *
 * <p>Left to itself, Allure's JUnit listener builds the thread label of every test from the
 * runtime MX bean's name, which resolves the host name ({@code InetAddress.getLocalHost}) each
 * time: where the name does not resolve, each test waits for the resolver's time-out (~5 s).
 * Allure reads these system properties first ({@code allure.hostName}, {@code allure.threadName}),
 * so setting them keeps the run off the name service. Values the user set are kept.
 */
public final class AllureHostLabels {
    static final String HOST_PROPERTY = "allure.hostName";
    static final String THREAD_PROPERTY = "allure.threadName";

    private AllureHostLabels() {
    }

    /** Sets both labels from the kernel's host name and this process, unless they are set already. */
    public static void setWithoutLookup() {
        String host = HostName.local();
        if (System.getProperty(HOST_PROPERTY) == null) {
            System.setProperty(HOST_PROPERTY, host);
        }
        if (System.getProperty(THREAD_PROPERTY) == null) {
            // The tests of a run run one after the other on this thread: one timeline lane.
            Thread thread = Thread.currentThread();
            System.setProperty(THREAD_PROPERTY,
                    ProcessHandle.current().pid() + "@" + host + "." + thread.getName() + "(" + thread.getId() + ")");
        }
    }
}
