package org.fwcts.reports.allure;

import io.qameta.allure.util.ResultsUtils;
import java.util.List;
import org.fwcts.reports.allure.AllureTestCase.Label;

/**
 * The labels a user gives every test: {@code allure.label.NAME=VALUE} in a system property or an
 * {@code allure.properties} on the class path. Allure's own reader reads them when there may be
 * any; a run without them (nearly every run) loads none of Allure's classes for it.
 */
final class AllureProvidedLabels {
    private static final String PREFIX = "allure.label.";
    private static final String FILE = "allure.properties";

    private AllureProvidedLabels() {
    }

    static List<Label> read() {
        boolean inProperties = System.getProperties().stringPropertyNames().stream().anyMatch(name -> name.startsWith(PREFIX));
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        boolean file = ClassLoader.getSystemResource(FILE) != null || context != null && context.getResource(FILE) != null;
        if (!inProperties && !file) {
            return List.of();
        }
        return ResultsUtils.getProvidedLabels().stream().map(label -> new Label(label.getName(), label.getValue())).toList();
    }
}
