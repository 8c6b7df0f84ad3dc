package org.fwcts.reports.allure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A fixture, or the part of a test result a fixture shares: name, status, attachments, parameters, times. */
class AllureItem {
    /** An attachment's name, its file in the results folder, and its text, made when the file is written. */
    record Attachment(String name, String source, Supplier<String> text) {
    }

    record Parameter(String name, String value, String mode, Boolean excluded) {
        void write(AllureJson json) {
            json.beginObject().field("name", name).field("value", value);
            if (excluded != null) {
                json.field("excluded", excluded.booleanValue());
            }
            json.field("mode", mode).endObject();
        }
    }

    final List<Attachment> attachments = new ArrayList<>(4);
    final List<Parameter> parameters = new ArrayList<>(1);
    final long start;
    String name;
    String status;
    AllureStatusDetails details;
    long stop;

    AllureItem(String name, long start) {
        this.name = name;
        this.start = start;
    }

    /** Name to stop, in the order of Allure's writer. */
    void writeBody(AllureJson json) {
        json.field("name", name).field("status", status);
        if (details != null) {
            details.write(json);
        }
        json.field("stage", "finished");
        writeDescription(json);
        json.beginArray("steps").endArray().beginArray("attachments");
        for (Attachment attachment : attachments) {
            json.beginObject().field("name", attachment.name()).field("source", attachment.source())
                    .field("type", "text/plain").endObject();
        }
        json.endArray().beginArray("parameters");
        for (Parameter parameter : parameters) {
            parameter.write(json);
        }
        json.endArray().field("start", start).field("stop", stop);
    }

    void writeDescription(AllureJson json) {
    }
}
