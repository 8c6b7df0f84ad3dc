package org.fwcts.testcases.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Which conformance tests a command runs: all of them, or those matching tag expressions and
 * name fragments.
 *
 * @param tags JUnit tag expressions, e.g. {@code psci} or {@code smccc & !ffa}; any may match
 * @param names fragments of a test's class, method or display name; any may match
 */
record SuiteSelection(List<String> tags, List<String> names) {
    static final String PACKAGE = "org.fwcts.testcases";
    /** Tests that break the target on purpose; they run only when a tag expression names them. */
    static final String FAULT_SELF_TESTS = "selftest-faults";

    SuiteSelection {
        tags = List.copyOf(tags);
        names = List.copyOf(names);
    }

    LauncherDiscoveryRequest request() {
        return request(java.util.Map.of(), List.of());
    }

    /**
     * The request, with {@code parameters} passed to the tests as configuration parameters, narrowed
     * further by {@code filters} (a resumed run leaves out what it finished).
     */
    LauncherDiscoveryRequest request(java.util.Map<String, String> parameters, List<PostDiscoveryFilter> filters) {
        return builder(parameters, filters).selectors(selectPackage(PACKAGE)).build();
    }

    /**
     * The same request as {@link #request(java.util.Map, List)}, with JUnit looking only in the
     * classes of {@code index} that hold a test the selection keeps (the same filters then apply).
     */
    LauncherDiscoveryRequest request(java.util.Map<String, String> parameters, List<PostDiscoveryFilter> filters,
            TestIndex index) {
        LauncherDiscoveryRequestBuilder builder = builder(parameters, filters);
        // A resumed run's filters depend on the run: only a selection's own are kept with the index.
        List<String> classes = filters.isEmpty() ? index.classesSelectedBy(this, filters(filters))
                : index.classesSelectedBy(filters(filters));
        if (classes.isEmpty()) {
            return builder.selectors(selectPackage(PACKAGE)).build(); // finds nothing either, and says so as before
        }
        classes.forEach(name -> builder.selectors(selectClass(name)));
        return builder.build();
    }

    private LauncherDiscoveryRequestBuilder builder(java.util.Map<String, String> parameters,
            List<PostDiscoveryFilter> filters) {
        return LauncherDiscoveryRequestBuilder.request()
                .configurationParameters(parameters)
                .filters(filters(filters).toArray(PostDiscoveryFilter[]::new))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true");
    }

    /** The selection's filters (tags, names) followed by {@code extra}. */
    private List<PostDiscoveryFilter> filters(List<PostDiscoveryFilter> extra) {
        List<PostDiscoveryFilter> filters = new java.util.ArrayList<>();
        filters.add(TagFilter.includeTags("conformance"));
        if (!tags.isEmpty()) {
            filters.add(TagFilter.includeTags(tags));
        }
        if (tags.stream().noneMatch(t -> t.contains(FAULT_SELF_TESTS))) {
            filters.add(TagFilter.excludeTags(FAULT_SELF_TESTS));
        }
        if (!names.isEmpty()) {
            filters.add(nameFilter());
        }
        filters.addAll(extra);
        return filters;
    }

    /** Keeps tests whose unique ID or display name contains one of the fragments (case-insensitive). */
    private PostDiscoveryFilter nameFilter() {
        return descriptor -> {
            if (!descriptor.isTest() && !descriptor.mayRegisterTests()) {
                return FilterResult.included("containers are kept while they hold matching tests");
            }
            String haystack = (descriptor.getUniqueId() + " " + descriptor.getDisplayName()).toLowerCase(Locale.ROOT);
            boolean match = names.stream().anyMatch(n -> haystack.contains(n.toLowerCase(Locale.ROOT)));
            return match ? FilterResult.included("name matches") : FilterResult.excluded("name does not match");
        };
    }

    String describe() {
        if (tags.isEmpty() && names.isEmpty()) {
            return "all tests";
        }
        return "tags " + tags + " and names " + names;
    }
}
