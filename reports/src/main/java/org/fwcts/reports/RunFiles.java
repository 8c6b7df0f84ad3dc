package org.fwcts.reports;

/** The name of every file and folder a run writes into its folder under reports/, in one place. */
public final class RunFiles {
    /** Every line to and from the agents, timestamped. */
    public static final String CONSOLE = "console.log";
    /** The call history: every call as made and observed, then its verdict. */
    public static final String CALLS = "calls.jsonl";
    /** One line per finished test. */
    public static final String RESULTS = "results.jsonl";
    /** How the run was started (target, selection), for resuming it. */
    public static final String INVOCATION = "run.json";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_MD = "summary.md";
    public static final String SUMMARY_HTML = "summary.html";
    /** A re-judged run's summary, written beside the original by {@code fwcts recheck}. */
    public static final String RECHECK_MD = "recheck.md";
    public static final String RECHECK_JSON = "recheck.json";
    public static final String ALLURE_RESULTS = "allure-results";
    public static final String ALLURE_REPORT = "allure-report";
    public static final String ALLURE_REPORT_HTML = "allure-report.html";
    public static final String JUNIT = "junit";
    /** Boot {@code n}'s work folder (firmware copies, emulator files) is this prefix and n. */
    public static final String WORK_PREFIX = "work-";
    /** The JUnit XML file, in {@link #JUNIT}. */
    public static final String JUNIT_XML = "TEST-fwcts.xml";
    /** The lock a run holds on its folder while it writes. */
    public static final String LOCK = ".fwcts-lock";
    /** Space a run sets aside in its folder, given back for the summary when the disk fills. */
    public static final String RESERVE = ".fwcts-reserve";
    /** Explore's parallel worker {@code n} (from 2; the first writes the run folder's own files) keeps its calls, console and work folders in this prefix and n. */
    public static final String WORKER_PREFIX = "worker-";
    /** Where explore with several workers shrinks divergences: its calls, console and work folders. */
    public static final String SHRINK = "shrink";

    private RunFiles() {
    }
}
