package org.fwcts.model.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package uses which, read from compiled classes: every class name in a class file's
 * constant pool (its own references, field and method descriptors, generic signatures) counts.
 */
final class PackageGraph {
    private static final int UTF8 = 1;

    private final Map<String, Set<String>> uses;

    PackageGraph(Map<String, Set<String>> uses) {
        this.uses = new TreeMap<>();
        uses.forEach((from, to) -> this.uses.put(from, new TreeSet<>(to)));
    }

    /** The packages under {@code prefix} (dotted) of the classes below {@code root}, and their uses of each other. */
    static PackageGraph read(Path root, String prefix) throws IOException {
        Pattern name = Pattern.compile("(" + Pattern.quote(prefix.replace('.', '/')) + "[A-Za-z0-9_/$]*)/[A-Za-z0-9_$]+");
        Map<String, Set<String>> uses = new TreeMap<>();
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(root)) {
            classes = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : classes) {
            String own = root.relativize(file.getParent()).toString().replace('/', '.');
            Set<String> used = uses.computeIfAbsent(own, k -> new TreeSet<>());
            try (InputStream in = Files.newInputStream(file)) {
                for (String text : utf8Constants(in)) {
                    Matcher m = name.matcher(text);
                    while (m.find()) {
                        String pkg = m.group(1).replace('/', '.');
                        if (!pkg.equals(own)) {
                            used.add(pkg);
                        }
                    }
                }
            }
        }
        return new PackageGraph(uses);
    }

    /** The UTF-8 entries of one class file's constant pool (JVMS §4.4). */
    private static List<String> utf8Constants(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> texts.add(new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.ISO_8859_1));
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }

    Set<String> packages() {
        return uses.keySet();
    }

    Set<String> uses(String pkg) {
        return uses.getOrDefault(pkg, Set.of());
    }

    /** A path of uses that leads from a package back to itself, if there is one. */
    Optional<List<String>> anyCycle() {
        for (String start : uses.keySet()) {
            Optional<List<String>> path = pathBetween(start, start);
            if (path.isPresent()) {
                return path;
            }
        }
        return Optional.empty();
    }

    /** The shortest path of uses from {@code from} to {@code to} (at least one step). */
    Optional<List<String>> pathBetween(String from, String to) {
        Map<String, String> reachedFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String next : uses(from)) {
            reachedFrom.putIfAbsent(next, from);
            queue.add(next);
        }
        while (!queue.isEmpty()) {
            String at = queue.remove();
            if (at.equals(to)) {
                List<String> path = new ArrayList<>();
                String step = at;
                path.add(0, step);
                do {
                    step = reachedFrom.get(step);
                    path.add(0, step);
                } while (!step.equals(from));
                return Optional.of(path);
            }
            for (String next : uses(at)) {
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }
}
