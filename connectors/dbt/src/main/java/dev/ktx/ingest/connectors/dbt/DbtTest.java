package dev.ktx.ingest.connectors.dbt;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A dbt data test on a column ({@code not_null}, {@code accepted_values}, …) with its arguments. */
record DbtTest(String name, Map<String, Object> arguments) {

    /** {@code ref('model')} or {@code source('source', 'table')}: the last quoted name is the relation. */
    private static final Pattern RELATION =
            Pattern.compile("(?:ref|source)\\(\\s*(?:['\"][^'\"]+['\"]\\s*,\\s*)?['\"]([^'\"]+)['\"]\\s*\\)");

    DbtTest {
        arguments = Map.copyOf(arguments);
    }

    /** How the constraint reads in an overlay, e.g. {@code accepted_values: active, canceled}. */
    String describe() {
        return switch (name) {
            case "accepted_values" ->
                arguments.get("values") instanceof Collection<?> values
                        ? name + ": " + values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : name;
            case "relationships" ->
                arguments.get("to") != null && arguments.get("field") != null
                        ? name + ": " + refTarget(String.valueOf(arguments.get("to"))) + "." + arguments.get("field")
                        : name;
            default -> name;
        };
    }

    /** {@code ref('accounts')}, {@code source('public', 'accounts')} → {@code accounts}; anything else as written. */
    private static String refTarget(String to) {
        Matcher matcher = RELATION.matcher(to.strip());
        return matcher.matches() ? matcher.group(1) : to;
    }
}
