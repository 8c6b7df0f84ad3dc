package org.fwcts.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what making each result durable costs: the journal kept open with each
 * {@link ResultJournal.Durability}, against opening, appending with O_SYNC and closing per result
 * (what the recorder did before), with unsynced appends as the floor. The ways take turns in rounds so a busy disk weighs on all of
 * them alike. Prints the median and 90th percentile per result; not a test.
 *
 * <p>Usage: {@code JournalBenchmark [DIR [RESULTS_PER_ROUND [ROUNDS [TEST_MS]]]]}; DIR defaults to the
 * system's temporary folder and should be on the disk runs write to. TEST_MS (default 0) is a
 * pause between appends, not counted, standing in for the next test's own time: what
 * {@link ResultJournal.Durability#FORCE_BEHIND} overlaps its flush with.
 */
public final class JournalBenchmark {
    private interface Way {
        void append(TestRecord record) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")),
                "fwcts-journal-bench");
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long testNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(args.length > 3 ? Long.parseLong(args[3]) : 0);
        TestRecord record = new TestRecord("[engine:junit-jupiter]/[class:org.fwcts.testcases.psci.PsciFeaturesTests]"
                + "/[test-template:answers(org.fwcts.model.psci.PsciFunction)]/[test-template-invocation:#7]",
                "PSCI_FEATURES › answers for every PSCI function as the profile implements it › PSCI_FEATURES(CPU_ON)",
                List.of("psci", "rule:PSCI.FEATURES"), TestStatus.PASSED, 12, null);
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, ResultJournal> journals = new LinkedHashMap<>();
        for (ResultJournal.Durability durability : ResultJournal.Durability.values()) {
            journals.put("open, " + durability, ResultJournal.open(dir.resolve(durability + ".jsonl"), durability));
        }
        String line = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(record) + "\n";
        Path perResult = dir.resolve("per-result.jsonl");
        Map<String, Way> ways = new LinkedHashMap<>();
        journals.forEach((name, journal) -> ways.put(name, journal::append));
        ways.put("open/SYNC/close per result", r -> Files.writeString(perResult, line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC));
        java.nio.channels.FileChannel unsynced = java.nio.channels.FileChannel.open(dir.resolve("unsynced.jsonl"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        ways.put("open, no sync (not durable)", r -> unsynced.write(java.nio.ByteBuffer.wrap(bytes)));
        ways.keySet().forEach(name -> nanos.put(name, new ArrayList<>()));
        for (int round = -1; round < rounds; round++) { // round -1 warms up and is not counted
            for (Map.Entry<String, Way> way : ways.entrySet()) {
                for (int i = 0; i < perRound; i++) {
                    long start = System.nanoTime();
                    way.getValue().append(record);
                    long took = System.nanoTime() - start;
                    if (round >= 0) {
                        nanos.get(way.getKey()).add(took);
                    }
                    if (testNanos > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(testNanos);
                    }
                }
            }
        }
        journals.values().forEach(ResultJournal::close);
        unsynced.close();
        System.out.printf("results.jsonl appends in %s, %d rounds of %d per way, %d bytes per line, %d ms between appends%n",
                dir, rounds, perRound, line.length(), testNanos / 1_000_000);
        nanos.forEach((name, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = sorted[sorted.length / 2] / 1000.0;
            double p90 = sorted[(int) (sorted.length * 0.9)] / 1000.0;
            System.out.printf("%-28s median %8.1f us  p90 %8.1f us  %8.0f results/s (median)%n", name, median, p90,
                    1e6 / median);
        });
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
