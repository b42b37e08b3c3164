package dev.ktx.ingest.core.database;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SQL statement refers to, by a documented heuristic (there is no SQL parser on the classpath, and query
 * history only needs counts): the tables are the names right after {@code FROM} or {@code JOIN}, including the
 * comma-separated list of a {@code FROM} clause; the identifiers are every identifier-like token. Unquoted names are
 * folded to lower case as PostgreSQL does; quoted ones are kept as written. CTE names and set-returning functions look
 * like tables here, so callers keep only names that exist in the catalog.
 *
 * @param tables      each referenced table as its name parts, e.g. {@code [public, accounts]} or {@code [accounts]}
 * @param identifiers every identifier of the statement, normalized
 */
record StatementReferences(List<List<String>> tables, Set<String> identifiers) {

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String QUALIFIED = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*";
    private static final String TABLE_ITEM = QUALIFIED + "(?:\\s+(?:AS\\s+)?" + IDENT + ")?";
    // A lookahead, so that a JOIN swallowed as an alias ("FROM a JOIN b") is still found by the next match.
    private static final Pattern TABLE_LIST = Pattern.compile(
            "\\b(?:FROM|JOIN)\\s+(?=(" + TABLE_ITEM + "(?:\\s*,\\s*" + TABLE_ITEM + ")*))", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("(?:^|,)\\s*(" + QUALIFIED + ")");
    private static final Pattern IDENTIFIER = Pattern.compile(IDENT);

    static StatementReferences of(String sql) {
        List<List<String>> tables = new ArrayList<>();
        Matcher list = TABLE_LIST.matcher(sql);
        while (list.find()) {
            Matcher item = LIST_ITEM.matcher(list.group(1));
            while (item.find()) {
                tables.add(nameParts(item.group(1)));
            }
        }
        return new StatementReferences(tables, new HashSet<>(nameParts(sql)));
    }

    private static List<String> nameParts(String text) {
        List<String> parts = new ArrayList<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            parts.add(normalize(identifier.group()));
        }
        return parts;
    }

    private static String normalize(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier.toLowerCase(Locale.ROOT);
    }
}
