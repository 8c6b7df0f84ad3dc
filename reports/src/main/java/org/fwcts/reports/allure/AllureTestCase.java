package org.fwcts.reports.allure;

import java.util.ArrayList;
import java.util.List;

/** One test's result file: its identity, title path and labels, then what a fixture also has. */
final class AllureTestCase extends AllureItem {
    final String uuid;
    final List<Label> labels = new ArrayList<>(24);
    String historyId;
    String testCaseId;
    String testCaseName;
    String fullName;
    List<String> titlePath;

    AllureTestCase(String uuid, long start) {
        super(null, start);
        this.uuid = uuid;
    }

    byte[] json() {
        AllureJson json = new AllureJson().beginObject().field("uuid", uuid).field("historyId", historyId)
                .field("testCaseId", testCaseId).field("testCaseName", testCaseName).field("fullName", fullName)
                .beginArray("titlePath");
        titlePath.forEach(json::element);
        json.endArray().beginArray("labels");
        for (Label label : labels) {
            json.beginObject().field("name", label.name()).field("value", label.value()).endObject();
        }
        json.endArray().beginArray("links").endArray();
        writeBody(json);
        return json.endObject().bytes();
    }

    /** A label of a test, as Allure's result file has it. */
    record Label(String name, String value) {
    }

    @Override
    void writeDescription(AllureJson json) {
        json.field("description", "");
    }
}
