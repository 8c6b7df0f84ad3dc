package org.fwcts.testcases.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fwcts bench-model}: JMH throughput of the reference model, on one core. */
@Command(name = "bench-model", mixinStandardHelpOptions = true,
        description = "Measure the reference model's predictions per second and bytes allocated per call, for every"
                + " call kind, on one core with JMH. Prints JMH's figures and one line per call kind.")
final class BenchModelCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BENCHMARK", arity = "0..*", description = "JMH benchmark patterns (default: every benchmark).")
    List<String> benchmarks = new ArrayList<>();

    @Override
    public Integer call() {
        String selected = String.join(" ", benchmarks);
        List<String> compile = List.of("mvn", "-B", "-q", "-pl", "reference-model", "test-compile");
        List<String> bench = List.of("mvn", "-B", "-q", "-pl", "reference-model", "exec:exec",
                "-Dexec.executable=java", "-Dexec.classpathScope=test",
                "-Dexec.args=-cp %classpath org.fwcts.model.bench.ModelBenchmarks " + selected);
        return ProjectCommand.run(List.of(compile, bench));
    }
}
