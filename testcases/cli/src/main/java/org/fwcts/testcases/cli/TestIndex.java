package org.fwcts.testcases.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Every test of the catalogue's package with what a selection looks at (unique ID, display name,
 * tags) and the class it is in, kept in a file between runs. JUnit finds the tests of a package by
 * loading and inspecting every class in it; with the index, a run hands JUnit only the classes that
 * hold a selected test, which the selection's own filters then narrow exactly as before.
 *
 * <p>The file records the classpath roots it was made from (each jar's size and time, each
 * folder's newest class file): when they differ, as after a build, the package is scanned once
 * more and the file written again.
 *
 * <p>It also keeps the classes each selection (tags and names) chose: applying a selection's
 * filters to every indexed test cost a run's discovery a fifth of its time, and the answer only
 * changes with the index. A selection's line is appended the first time it is made; a line cut
 * short (two runs appending at once, a crash) is left out, and that selection made again.
 */
final class TestIndex {
    private static final String FORMAT = "fwcts-test-index 1";
    private static final String PACKAGE_PATH = SuiteSelection.PACKAGE.replace('.', '/');

    /** One test or test template (parameterized, factory: tests it registers are kept or dropped with it). */
    record Entry(String className, String uniqueId, String displayName, List<String> tags, boolean template) {
    }

    private static final String SELECTION = "selection";
    /** The last field of a selection's line: a line without it was cut short. */
    private static final String LINE_END = ".";

    private final String roots;
    private final List<Entry> entries;
    /** The classes of each selection made with this index, by {@link #selectionKey}. */
    private final Map<String, List<String>> selections = new ConcurrentHashMap<>();
    /** Where new selections are appended; null for an index not kept in a file. */
    private Path file;

    private TestIndex(String roots, List<Entry> entries) {
        this.roots = roots;
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The index in {@code file} when it is that of the classpath this JVM has; else one made now by
     * scanning the package, and written to {@code file} for the next run (when it can be: a read-only
     * folder only costs the next run the scan).
     */
    static TestIndex load(Path file) {
        String roots = classpathRoots();
        Optional<TestIndex> stored = read(file).filter(index -> index.roots.equals(roots));
        if (stored.isPresent()) {
            stored.get().file = file;
            return stored.get();
        }
        TestIndex scanned = scan(roots);
        try {
            scanned.write(file);
            scanned.file = file;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("fwcts: warning: could not keep the test index in " + file + ": " + e.getMessage());
        }
        return scanned;
    }

    /**
     * The classes holding at least one test {@code selection} keeps, {@code filters} being its
     * filters: as kept from an earlier run with this index, else found now and kept.
     */
    List<String> classesSelectedBy(SuiteSelection selection, List<PostDiscoveryFilter> filters) {
        String key = selectionKey(selection);
        List<String> kept = selections.get(key);
        if (kept != null) {
            return kept;
        }
        List<String> classes = classesSelectedBy(filters);
        selections.put(key, classes);
        if (file != null) {
            String line = SELECTION + '\t' + key + '\t' + escape(String.join(" ", classes)) + '\t' + LINE_END + '\n';
            try {
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException | UncheckedIOException e) {
                // Not kept: the next run with this selection finds its classes again.
            }
        }
        return classes;
    }

    /** A selection's tags and its names, each list one field (its items on lines of their own, escaped). */
    static String selectionKey(SuiteSelection selection) {
        return escape(String.join("\n", selection.tags())) + '\t' + escape(String.join("\n", selection.names()));
    }

    /** The classes holding at least one test that every one of {@code filters} keeps, in the index's order. */
    List<String> classesSelectedBy(List<PostDiscoveryFilter> filters) {
        Set<String> classes = new LinkedHashSet<>();
        Filter<org.junit.platform.engine.TestDescriptor> all = Filter.composeFilters(filters);
        for (Entry entry : entries) {
            if (!classes.contains(entry.className()) && all.apply(new IndexedTest(entry)).included()) {
                classes.add(entry.className());
            }
        }
        return List.copyOf(classes);
    }

    /** Discovers every test of the package (no filters) and indexes it. */
    static TestIndex scan(String roots) {
        TestPlan plan = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .build()).discover(LauncherDiscoveryRequestBuilder.request().selectors(selectPackage(SuiteSelection.PACKAGE))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true").build());
        List<Entry> entries = new ArrayList<>();
        plan.getRoots().forEach(root -> collect(plan, root, entries));
        return new TestIndex(roots, entries);
    }

    private static void collect(TestPlan plan, TestIdentifier node, List<Entry> entries) {
        Optional<TestSource> source = node.getSource();
        boolean template = node.isContainer() && source.orElse(null) instanceof MethodSource;
        if (node.isTest() || template) {
            topLevelClass(source.orElse(null)).ifPresent(className -> entries.add(new Entry(className,
                    node.getUniqueId(), node.getDisplayName(), node.getTags().stream().map(TestTag::getName).sorted().toList(),
                    !node.isTest())));
        }
        if (!template) {
            plan.getChildren(node).forEach(child -> collect(plan, child, entries));
        }
    }

    /** The top-level class a test is in (selecting it selects its nested classes too). */
    private static Optional<String> topLevelClass(TestSource source) {
        String name = source instanceof MethodSource method ? method.getClassName()
                : source instanceof ClassSource type ? type.getClassName() : null;
        if (name == null) {
            return Optional.empty();
        }
        int nested = name.indexOf('$');
        return Optional.of(nested < 0 ? name : name.substring(0, nested));
    }

    /**
     * The classpath roots holding the catalogue's package, one per line: a jar by its path, size and
     * modification time; a folder by its path, number of files and newest modification time.
     */
    static String classpathRoots() {
        List<String> lines = new ArrayList<>();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (URL url : Collections.list(loader.getResources(PACKAGE_PATH))) {
                lines.add(describeRoot(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing the classpath roots of " + SuiteSelection.PACKAGE, e);
        }
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    private static String describeRoot(URL url) throws IOException {
        try {
            if ("jar".equals(url.getProtocol())) {
                Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
                return "jar " + jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            }
            Path dir = Path.of(url.toURI());
            long newest = 0;
            long count = 0;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                    count++;
                }
            }
            return "dir " + dir + " " + count + " " + newest;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "other " + url; // never equal to a stored line's time: such a root is scanned each run
        }
    }

    private void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        roots.lines().forEach(line -> text.append("root\t").append(escape(line)).append('\n'));
        for (Entry entry : entries) {
            text.append(entry.template() ? "template" : "test").append('\t').append(escape(entry.className()))
                    .append('\t').append(escape(entry.uniqueId())).append('\t').append(escape(entry.displayName()))
                    .append('\t').append(escape(String.join(" ", entry.tags()))).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Written whole under a name of its own and moved into place: a run reading it at the same time sees either file.
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The index in {@code file}; empty when there is none or it cannot be read whole (then it is made again). */
    static Optional<TestIndex> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
            return Optional.empty();
        }
        List<String> roots = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, List<String>> selections = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields[0].equals("root") && fields.length == 2) {
                roots.add(unescape(fields[1]));
            } else if (fields[0].equals(SELECTION)) {
                if (fields.length == 5 && fields[4].equals(LINE_END)) {
                    selections.put(fields[1] + '\t' + fields[2], fields[3].isEmpty() ? List.of()
                            : List.of(unescape(fields[3]).split(" ")));
                }
            } else if ((fields[0].equals("test") || fields[0].equals("template")) && fields.length == 5) {
                List<String> tags = fields[4].isEmpty() ? List.of() : List.of(unescape(fields[4]).split(" "));
                entries.add(new Entry(unescape(fields[1]), unescape(fields[2]), unescape(fields[3]), tags,
                        fields[0].equals("template")));
            } else {
                return Optional.empty();
            }
        }
        TestIndex index = new TestIndex(String.join("\n", roots), entries);
        index.selections.putAll(selections);
        return Optional.of(index);
    }

    /** Tabs, line breaks and backslashes as two-character escapes: one entry per line, one field per tab. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An indexed test as the selection's filters see a discovered one: its unique ID, display name and tags. */
    private static final class IndexedTest extends AbstractTestDescriptor {
        private final Entry entry;

        IndexedTest(Entry entry) {
            super(UniqueId.parse(entry.uniqueId()), entry.displayName());
            this.entry = entry;
        }

        @Override
        public Type getType() {
            return entry.template() ? Type.CONTAINER : Type.TEST;
        }

        @Override
        public boolean mayRegisterTests() {
            return entry.template();
        }

        @Override
        public Set<TestTag> getTags() {
            Set<TestTag> tags = new LinkedHashSet<>();
            entry.tags().forEach(tag -> tags.add(TestTag.create(tag)));
            return tags;
        }
    }
}
