package dev.ktx.ingest.planner.dlq;

import dev.ktx.ingest.core.messaging.Topics;

/**
 * A consumed topic ({@code source}, with the prefix) and its dead-letter topic ({@code dlq}). Only the topics of
 * {@link Topics#ALL} have one.
 */
public record DeadLetterTopic(String source, String dlq) {

    private static final String SUFFIX = Topics.dlq("");

    /**
     * The topic a user named, with or without the prefix and with or without {@code .dlq}.
     *
     * @throws IllegalArgumentException naming the field {@code topic} when it is none of {@link Topics#ALL}
     */
    public static DeadLetterTopic resolve(String given, String prefix) {
        String name = given == null ? "" : given.strip();
        name = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        name = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        if (!Topics.ALL.contains(name)) {
            throw new IllegalArgumentException(
                    "topic: unknown topic " + given + "; one of " + String.join(", ", Topics.ALL)
                            + " (with or without the " + prefix + " prefix and " + SUFFIX + ")");
        }
        return new DeadLetterTopic(prefix + name, prefix + Topics.dlq(name));
    }
}
