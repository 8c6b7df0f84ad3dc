package org.fwcts.reports.allure;

import java.util.ArrayList;
import java.util.List;

/** A container file: a test or class, the results under it, and its fixtures before and after. */
final class AllureContainer {
    final String uuid;
    final String name;
    final long start;
    final List<AllureItem> befores = new ArrayList<>(1);
    final List<AllureItem> afters = new ArrayList<>(1);
    long stop;

    AllureContainer(String uuid, String name, long start) {
        this.uuid = uuid;
        this.name = name;
        this.start = start;
    }

    byte[] json(List<String> children) {
        AllureJson json = new AllureJson().beginObject().field("uuid", uuid).field("name", name).beginArray("children");
        children.forEach(json::element);
        json.endArray().beginArray("befores");
        befores.forEach(fixture -> writeFixture(json, fixture));
        json.endArray().beginArray("afters");
        afters.forEach(fixture -> writeFixture(json, fixture));
        return json.endArray().field("start", start).field("stop", stop).endObject().bytes();
    }

    private static void writeFixture(AllureJson json, AllureItem fixture) {
        json.beginObject();
        fixture.writeBody(json);
        json.endObject();
    }
}
