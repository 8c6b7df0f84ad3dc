package org.fwcts.testcases.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fwcts bench-model}: JMH throughput of the reference model, on one core. */
@Command(name = "bench-model", mixinStandardHelpOptions = true,
        description = "Measure the reference model's steps per second on one core with JMH (fork 1, 3 warm-up and"
                + " 5 measured iterations of 1 s). Prints JMH's figures.")
final class BenchModelCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BENCHMARK", arity = "0..*", description = "JMH benchmark patterns (default: SpmcModelBenchmark).")
    List<String> benchmarks = new ArrayList<>();

    @Override
    public Integer call() {
        String selected = benchmarks.isEmpty() ? "SpmcModelBenchmark" : String.join(" ", benchmarks);
        List<String> compile = List.of("mvn", "-B", "-q", "-pl", "reference-model", "test-compile");
        List<String> bench = List.of("mvn", "-B", "-q", "-pl", "reference-model", "exec:exec",
                "-Dexec.executable=java", "-Dexec.classpathScope=test",
                "-Dexec.args=-cp %classpath org.openjdk.jmh.Main -f 1 -wi 3 -w 1s -i 5 -r 1s -t 1 " + selected);
        return ProjectCommand.run(List.of(compile, bench));
    }
}
