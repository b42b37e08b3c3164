package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.sql.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A query text of {@code pg_stat_statements}, read by a small PostgreSQL lexer (comments, quoted identifiers, string
 * constants in all their forms, dollar quoting, parameters) and rendered three ways:
 *
 * @param normalized  what a pattern page shows: comments dropped (they carry per-request details such as trace ids),
 *                    whitespace runs as one space, no trailing semicolon, and any string constant as a parameter
 *                    numbered after the highest one already there. Numbers stay: pg_stat_statements already made
 *                    parameters of the constants among them, and the rest are structure ({@code GROUP BY 1},
 *                    {@code numeric(10,2)}).
 * @param parseable   {@code normalized} with each parameter as the constant {@code '?'}: JSqlParser reads a constant
 *                    in places where PostgreSQL's normalization leaves a parameter it does not read
 *                    ({@code EXTRACT($1 FROM …)}, {@code DATE $1}).
 * @param identifiers every identifier and keyword, folded ({@link Identifiers#fold}); constants excluded
 */
record StatementText(String normalized, String parseable, Set<String> identifiers) {

    private enum Kind {
        SPACE,
        CONSTANT,
        PARAMETER,
        IDENTIFIER,
        QUOTED_IDENTIFIER,
        OTHER
    }

    private record Token(Kind kind, String text) {}

    static StatementText of(String query) {
        List<Token> tokens = trimmed(new Lexer(query).tokens());
        int parameter = tokens.stream()
                .filter(token -> token.kind() == Kind.PARAMETER)
                .mapToInt(token -> Integer.parseInt(token.text().substring(1)))
                .max()
                .orElse(0);
        StringBuilder normalized = new StringBuilder();
        StringBuilder parseable = new StringBuilder();
        Set<String> identifiers = new HashSet<>();
        for (Token token : tokens) {
            switch (token.kind()) {
                case SPACE -> {
                    normalized.append(' ');
                    parseable.append(' ');
                }
                case CONSTANT, PARAMETER -> {
                    normalized.append(token.kind() == Kind.CONSTANT ? "$" + ++parameter : token.text());
                    parseable.append("'?'");
                }
                default -> {
                    if (token.kind() == Kind.IDENTIFIER || token.kind() == Kind.QUOTED_IDENTIFIER) {
                        identifiers.add(Identifiers.fold(token.text()));
                    }
                    normalized.append(token.text());
                    parseable.append(token.text());
                }
            }
        }
        return new StatementText(normalized.toString(), parseable.toString(), identifiers);
    }

    /** Without leading and trailing space and trailing semicolons. */
    private static List<Token> trimmed(List<Token> tokens) {
        int start = 0;
        int end = tokens.size();
        while (start < end && tokens.get(start).kind() == Kind.SPACE) {
            start++;
        }
        while (end > start
                && (tokens.get(end - 1).kind() == Kind.SPACE
                        || tokens.get(end - 1).text().equals(";"))) {
            end--;
        }
        return tokens.subList(start, end);
    }

    private static final class Lexer {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private int at;

        Lexer(String text) {
            this.text = text;
        }

        List<Token> tokens() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (Character.isWhitespace(c) || text.startsWith("--", at) || text.startsWith("/*", at)) {
                    space();
                } else if (c == '\'') {
                    add(Kind.CONSTANT, quoted(at, '\'', false));
                } else if (c == '"') {
                    add(Kind.QUOTED_IDENTIFIER, quoted(at, '"', false));
                } else if (c == '$' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
                    add(Kind.PARAMETER, run(at + 1, Character::isDigit));
                } else if (c == '$') {
                    dollarQuotedOrOther();
                } else if (isIdentifierStart(c)) {
                    identifierOrPrefixedConstant();
                } else {
                    add(Kind.OTHER, at + 1);
                }
            }
            return tokens;
        }

        private void add(Kind kind, int end) {
            tokens.add(new Token(kind, text.substring(at, end)));
            at = end;
        }

        /** A run of whitespace and comments ({@code --} to the line end, nested block comments) as one space. */
        private void space() {
            while (at < text.length()) {
                if (Character.isWhitespace(text.charAt(at))) {
                    at++;
                } else if (text.startsWith("--", at)) {
                    int newline = text.indexOf('\n', at);
                    at = newline < 0 ? text.length() : newline + 1;
                } else if (text.startsWith("/*", at)) {
                    at = blockCommentEnd();
                } else {
                    break;
                }
            }
            tokens.add(new Token(Kind.SPACE, " "));
        }

        private int blockCommentEnd() {
            int depth = 0;
            int i = at;
            while (i < text.length()) {
                if (text.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else if (text.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return text.length();
        }

        /**
         * The end of a quoted token starting at {@code start}: a doubled quote is part of it, and with
         * {@code backslashEscapes} (an {@code E'…'} constant) so is any character after a backslash.
         */
        private int quoted(int start, char quote, boolean backslashEscapes) {
            int i = text.indexOf(quote, start) + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return text.length();
        }

        /** A dollar-quoted constant when a {@code $tag$} or {@code $$} opens one here, else a lone {@code $}. */
        private void dollarQuotedOrOther() {
            int tagEnd = run(at + 1, c -> Character.isLetterOrDigit(c) || c == '_');
            if (tagEnd < text.length() && text.charAt(tagEnd) == '$') {
                String tag = text.substring(at, tagEnd + 1);
                int close = text.indexOf(tag, tagEnd + 1);
                add(Kind.CONSTANT, close < 0 ? text.length() : close + tag.length());
            } else {
                add(Kind.OTHER, at + 1);
            }
        }

        /** An identifier, or the prefix of {@code E'…'}, {@code B'…'}, {@code X'…'}, {@code N'…'}, {@code U&'…'}. */
        private void identifierOrPrefixedConstant() {
            int end = run(at, Lexer::isIdentifierPart);
            String word = text.substring(at, end);
            if (end < text.length() && text.charAt(end) == '\'' && word.matches("(?i)[ebxn]")) {
                add(Kind.CONSTANT, quoted(end, '\'', word.equalsIgnoreCase("e")));
            } else if (word.equalsIgnoreCase("u") && text.startsWith("&'", end)) {
                add(Kind.CONSTANT, quoted(end + 1, '\'', false));
            } else {
                add(Kind.IDENTIFIER, end);
            }
        }

        private int run(int from, IntPredicate part) {
            int i = from;
            while (i < text.length() && part.test(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean isIdentifierStart(int c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isIdentifierPart(int c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
