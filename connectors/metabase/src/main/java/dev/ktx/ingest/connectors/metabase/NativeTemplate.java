package dev.ktx.ingest.connectors.metabase;

import java.util.Set;
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
 *   <li>a card reference {@code {{#123}}} or {@code {{#123-active-accounts}}} becomes the referenced card's query as a
 *       derived table, so the tables it reads are found like any other.</li>
 * </ul>
 * A tag of a kind Metabase does not define, or a card reference that cannot be resolved, makes the query
 * untranslatable ({@link CardResolution#PARSE_ERROR}).
 */
final class NativeTemplate {

    /** The template-tag {@code type}s Metabase defines; {@code ""} is a tag without a declared type (old cards). */
    private static final Set<String> TAG_KINDS =
            Set.of("", "text", "number", "date", "dimension", "temporal-unit", "card", "snippet");

    private static final Pattern OPTIONAL_CLAUSE = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*(?:#(\\d{1,18})[^}]*|[^}]*)}}");

    /** The SQL a referenced card stands for. */
    @FunctionalInterface
    interface CardSql {
        String of(long cardId) throws NoMainTable;
    }

    private NativeTemplate() {}

    static String expand(CardQuery.NativeSql query, CardSql cards) throws NoMainTable {
        for (String kind : query.tagKinds().values()) {
            if (!TAG_KINDS.contains(kind)) {
                throw new NoMainTable(CardResolution.PARSE_ERROR);
            }
        }
        String withClauses =
                OPTIONAL_CLAUSE.matcher(query.sql()).replaceAll(clause -> Matcher.quoteReplacement(clause.group(1)));
        Matcher tag = TAG.matcher(withClauses);
        StringBuilder sql = new StringBuilder();
        while (tag.find()) {
            String replacement = tag.group(1) == null ? "NULL" : "(" + cards.of(Long.parseLong(tag.group(1))) + ")";
            tag.appendReplacement(sql, Matcher.quoteReplacement(replacement));
        }
        return tag.appendTail(sql).toString();
    }
}
