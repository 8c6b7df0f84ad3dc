package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fwcts.harness.agent.TargetWait;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

@DisplayName("fwcts bench-suite")
class BenchSuiteSelfTests {

    @Test
    @DisplayName("splits a test's time into waiting on the target and the harness's own cost")
    void splitsWaitingFromHarness() throws Exception {
        SuiteTiming timing = new SuiteTiming();
        TestIdentifier test = TestIdentifier.from(new OneTest());
        // The bounds come from the clock around each part, not from the sleeps: a loaded machine
        // may stretch any of them.
        long before = System.nanoTime();
        timing.executionStarted(test);
        long start = TargetWait.begin();
        TimeUnit.MILLISECONDS.sleep(60);
        TargetWait.end(start);
        long waitedAtMost = System.nanoTime() - before;
        TimeUnit.MILLISECONDS.sleep(30);
        timing.executionFinished(test, TestExecutionResult.successful());
        long total = System.nanoTime() - before;
        SuiteTiming.Share share = timing.shares().get(0);
        assertThat(share.waitedNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(60), waitedAtMost);
        assertThat(share.harnessNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(30), total - share.waitedNanos());
        assertThat(timing.roundTripsInTests()).isEqualTo(1);
    }

    @Test
    @DisplayName("on the simulated target prints the harness cost per test and leaves nothing in the temporary directory")
    void printsFigures(@TempDir Path tmp) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = Files.createTempFile("bench-suite", ".txt");
        try {
            Process bench = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                    "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(), "bench-suite", "-t",
                    "simulated-tfa", "--test", "FfaIdTests", "--each")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(bench.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String text = Files.readString(out);
            assertThat(bench.exitValue()).as(text).isZero();
            assertThat(text).containsPattern("process start to first test: \\d+\\.\\d\\d s")
                    .containsPattern("harness process CPU per test: \\d+\\.\\d ms")
                    .contains("first test started")
                    .containsPattern("harness per test \\(wall minus waiting on the target\\): median \\d+\\.\\d ms")
                    .contains("verdict PASS");
            Matcher tests = Pattern.compile("tests: (\\d+) in").matcher(text);
            assertThat(tests.find()).as(text).isTrue();
            assertThat(Integer.parseInt(tests.group(1))).as(text).isPositive();
            assertThat(Pattern.compile("ms harness   FFA_").matcher(text).results().count()).as(text)
                    .isEqualTo(Integer.parseInt(tests.group(1)));
        } finally {
            Files.delete(out);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    /** A test descriptor standing in for one conformance test. */
    private static final class OneTest extends AbstractTestDescriptor {
        OneTest() {
            super(UniqueId.forEngine("bench").append("test", "one"), "one");
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}
