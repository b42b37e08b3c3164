package dev.ktx.ingest.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one ktx.yaml in the order found, so the user sees all of them at once. */
final class Problems {

    private final List<String> messages = new ArrayList<>();

    void invalid(String path, String why) {
        messages.add("Invalid " + path + ": " + why);
    }

    void missing(String path, String why) {
        messages.add("Missing " + path + ": " + why);
    }

    void unsupported(String path, String why) {
        messages.add("Unsupported " + path + ": " + why);
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ConfigException(messages);
        }
    }
}
