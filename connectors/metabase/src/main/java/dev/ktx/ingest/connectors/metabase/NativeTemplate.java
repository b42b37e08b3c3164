package dev.ktx.ingest.connectors.metabase;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A native card's SQL with Metabase's template syntax expanded into SQL that a parser reads as the query Metabase
 * would run with every parameter given:
 * <ul>
 *   <li>an optional clause {@code [[AND plan = {{plan}}]]} keeps its content (Metabase drops it only when its
 *       parameters are unset, and tables inside it are read when they are set);</li>
 *   <li>a variable {@code {{plan}}}, a field filter {@code WHERE {{created_at}}} and a snippet
 *       {@code {{snippet: active}}} become {@code NULL}: a value, or a condition, in every position Metabase allows
 *       them;</li>
 *   <li>a card reference {@code {{#123}}} or {@code {{#123-active-accounts}}} becomes the empty derived table
 *       {@code (SELECT NULL)}; its id is listed in {@link #cardReferences}, since its tables are the other card's.</li>
 * </ul>
 */
record NativeTemplate(String sql, List<Long> cardReferences) {

    private static final Pattern OPTIONAL_CLAUSE = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*(?:#(\\d{1,18})[^}]*|[^}]*)}}");

    NativeTemplate {
        cardReferences = List.copyOf(cardReferences);
    }

    static NativeTemplate expand(String template) {
        String withClauses = OPTIONAL_CLAUSE.matcher(template).replaceAll(clause -> Matcher.quoteReplacement(clause.group(1)));
        List<Long> cards = new ArrayList<>();
        String sql = TAG.matcher(withClauses).replaceAll(tag -> {
            if (tag.group(1) == null) {
                return "NULL";
            }
            cards.add(Long.parseLong(tag.group(1)));
            return "(SELECT NULL)";
        });
        return new NativeTemplate(sql, cards);
    }
}
