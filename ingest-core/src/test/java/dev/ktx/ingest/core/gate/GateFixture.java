package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.TreeDiff;
import java.util.List;
import java.util.Set;

/**
 * A small context repo on {@code main} and a session copy to change. Connection {@code wh} has manifest shard
 * {@code public} (orders, customers), overlay {@code orders} and standalone source {@code events}; connection
 * {@code dbt} has shard {@code analytics} (sessions). Pages {@code customers} and {@code orders-faq} use all of it.
 * 6 wiki/SL artifacts in total.
 */
final class GateFixture {

    static final String SHARD = "semantic-layer/wh/_schema/public.yaml";
    static final String ORDERS_SHARD_ENTRY = """
              orders:
                table: shop.public.orders
                columns:
                  - {name: id, type: bigint, pk: true, nullable: false}
                  - {name: amount, type: numeric}
                  - {name: status, type: text}
                  - {name: internal_note, type: text}
            """;
    static final String SHARD_TEXT = "tables:\n" + ORDERS_SHARD_ENTRY + """
              customers:
                table: shop.public.customers
                columns:
                  - {name: id, type: bigint, pk: true, nullable: false}
                  - {name: name, type: text}
            """;
    static final String OVERLAY = "semantic-layer/wh/orders.yaml";
    static final String OVERLAY_TEXT = """
            exclude_columns: [internal_note]
            columns: [{name: net, sql: amount * 0.9}]
            measures: [{name: revenue, agg: sum, column: amount}]
            segments: [{name: paid, sql: "status = 'paid'", columns: [status]}]
            """;
    static final String EVENTS = "semantic-layer/wh/events.yaml";
    static final String SNAPSHOT = "raw-sources/mb/cards/2026-01-02-030405-j1";
    static final String PROVENANCE = "provenance/mb/cards/2026-01-02-030405-j1.jsonl";

    final InMemoryRepoTree main = new InMemoryRepoTree()
            .file("ktx.yaml", "connections: {}\n")
            .file(SHARD, SHARD_TEXT)
            .file(OVERLAY, OVERLAY_TEXT)
            .file(EVENTS, "sql: select id, day from raw.events\ngrain: [id]\ncolumns: [{name: id}, {name: day}]\n")
            .file(
                    "semantic-layer/dbt/_schema/analytics.yaml",
                    "tables:\n  sessions:\n    table: dw.analytics.sessions\n    columns: [{name: id, type: int}]\n")
            .file(page("customers"), page("Who buys", "", "Customers of the shop."))
            .file(
                    page("orders-faq"),
                    page(
                            "How orders work",
                            "refs: [customers]\nsl_refs: [orders.revenue]",
                            "Totals in `source:orders`, raw rows in `table:public.orders`."))
            .file(SNAPSHOT + "/cards/1.json", "{\"id\": 1}");
    final InMemoryRepoTree session = main.copy();
    Set<String> allowedSlConnections = Set.of("wh");

    static String page(String key) {
        return "wiki/global/" + key + ".md";
    }

    /** Page text with {@code summary} plus extra frontmatter lines. */
    static String page(String summary, String frontmatter, String body) {
        return "---\nsummary: " + summary + "\n" + (frontmatter.isEmpty() ? "" : frontmatter + "\n") + "---\n\n" + body
                + "\n";
    }

    GateFixture writePage(String key, String frontmatter, String body) {
        session.file(page(key), page("Summary of " + key, frontmatter, body));
        return this;
    }

    GateInput input() {
        return input(main, session);
    }

    GateInput input(RepoTree mainView, RepoTree sessionView) {
        return GateInput.of(mainView, sessionView, TreeDiff.between(main, session), allowedSlConnections);
    }

    List<String> finalGateErrors() {
        return new FinalGates().check(input()).errors();
    }

    List<String> provenanceErrors() {
        return new ProvenanceGate().check(input()).errors();
    }
}
