package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("The test index")
class TestIndexSelfTests {

    static List<SuiteSelection> selections() {
        return List.of(
                new SuiteSelection(List.of(), List.of()),
                new SuiteSelection(List.of(), BenchSuiteCommand.DEFAULT_TESTS),
                new SuiteSelection(List.of("ffa"), List.of()),
                new SuiteSelection(List.of("psci | smccc"), List.of("version")),
                new SuiteSelection(List.of("ffa & !mediator"), List.of("ffa_mem", "Reclaim")),
                new SuiteSelection(List.of("rmm"), List.of()),
                new SuiteSelection(List.of("selftest-faults"), List.of()),
                new SuiteSelection(List.of(), List.of("no test has this in its name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    @DisplayName("hands JUnit the classes whose tests a selection keeps: the same tests as a scan of the package")
    void sameTestsAsAScan(SuiteSelection selection, @TempDir Path dir) {
        TestIndex index = TestIndex.load(dir.resolve("index.tsv"));
        assertThat(tests(selection.request(Map.of(), List.of(), index)))
                .isEqualTo(tests(selection.request(Map.of(), List.of())));
    }

    @Test
    @DisplayName("applies a resumed run's filter too")
    void extraFilter(@TempDir Path dir) {
        SuiteSelection selection = new SuiteSelection(List.of("ffa"), List.of());
        PostDiscoveryFilter onlyIds = test -> test.getUniqueId().toString().contains("FfaIdTests")
                ? FilterResult.included("id") : FilterResult.excluded("not id");
        TestIndex index = TestIndex.load(dir.resolve("index.tsv"));
        Set<String> indexed = tests(selection.request(Map.of(), List.of(onlyIds), index));
        assertThat(indexed).isNotEmpty().isEqualTo(tests(selection.request(Map.of(), List.of(onlyIds))));
        assertThat(index.classesSelectedBy(List.of(onlyIds))).containsExactly("org.fwcts.testcases.ffa.FfaIdTests");
    }

    @Test
    @DisplayName("keeps the classes a selection chose, for the next run with the same index, and only for that selection")
    void keepsSelections(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.tsv");
        SuiteSelection ids = new SuiteSelection(List.of("ffa"), List.of("FfaIdTests"));
        List<String> chosen = TestIndex.load(file).classesSelectedBy(ids, List.of(TagFilter.includeTags("ffa"),
                test -> test.getUniqueId().toString().contains("FfaIdTests") ? FilterResult.included("name")
                        : FilterResult.excluded("name")));
        assertThat(chosen).containsExactly("org.fwcts.testcases.ffa.FfaIdTests");

        // The next run takes the kept answer without applying any filter (these would keep nothing).
        PostDiscoveryFilter none = test -> FilterResult.excluded("none");
        assertThat(TestIndex.load(file).classesSelectedBy(ids, List.of(none))).isEqualTo(chosen);
        // Another selection is found anew (and kept, last in the file).
        SuiteSelection ffa = new SuiteSelection(List.of("ffa"), List.of());
        assertThat(TestIndex.load(file).classesSelectedBy(ffa, List.of(none))).isEmpty();

        // A line cut short is left out, the rest of the file kept.
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() - 3));
        TestIndex read = TestIndex.read(file).orElseThrow();
        assertThat(read.entries()).hasSizeGreaterThan(100);
        assertThat(read.classesSelectedBy(ids, List.of(none))).isEqualTo(chosen);
        PostDiscoveryFilter all = test -> FilterResult.included("all");
        assertThat(read.classesSelectedBy(ffa, List.of(all))).hasSizeGreaterThan(10);

        // A rebuilt classpath forgets them with the index.
        Files.writeString(file, whole.replaceFirst("\nroot\t([^\n]*)", "\nroot\t$1-older"));
        TestIndex remade = TestIndex.load(file);
        assertThat(Files.readString(file)).doesNotContain("\nselection\t");
        assertThat(remade.classesSelectedBy(ids, List.of(none))).isEmpty();
    }

    @Test
    @DisplayName("is kept between runs, and made again when the classpath changed or the file is damaged")
    void keptAndRemade(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("index.tsv");
        TestIndex first = TestIndex.load(file);
        assertThat(first.entries()).hasSizeGreaterThan(100);
        String written = Files.readString(file);
        assertThat(TestIndex.read(file)).hasValueSatisfying(read -> assertThat(read.entries()).isEqualTo(first.entries()));

        // A root described otherwise (a rebuilt jar): scanned again and written again.
        Files.writeString(file, written.replaceFirst("\nroot\t([^\n]*)", "\nroot\t$1-older"));
        assertThat(TestIndex.load(file).entries()).isEqualTo(first.entries());
        assertThat(Files.readString(file)).isEqualTo(written);

        Files.writeString(file, written.substring(0, written.length() / 2) + "\ntorn line");
        assertThat(TestIndex.read(file)).isEmpty();
        assertThat(TestIndex.load(file).entries()).isEqualTo(first.entries());
        assertThat(Files.readString(file)).isEqualTo(written);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    @DisplayName("keeps display names with tabs, line breaks and backslashes on one line")
    void escapes() {
        String name = "a\tb\nc\\d\re\\t";
        assertThat(TestIndex.escape(name)).doesNotContain("\t", "\n", "\r");
        assertThat(TestIndex.unescape(TestIndex.escape(name))).isEqualTo(name);
    }

    private static Set<String> tests(LauncherDiscoveryRequest request) {
        TestPlan plan = LauncherFactory.create().discover(request);
        Set<String> ids = new TreeSet<>();
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream().map(TestIdentifier::getUniqueId)
                .forEach(ids::add));
        return ids;
    }
}
