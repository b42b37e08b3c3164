package dev.ktx.ingest.core.repo;

import static dev.ktx.ingest.core.repo.ManifestCodecTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlSourceValidatorTest {

    private static final Optional<ManifestEntry> ORDERS =
            Optional.of(entry("shop.public.orders", "id", "amount", "status", "internal_note", "customer_id"));

    @Test
    void acceptsAConsistentOverlayAndStandaloneSource() {
        assertThat(SlSourceValidator.validate(SlSourceCodecTest.OVERLAY, ORDERS))
                .isEmpty();
        assertThat(SlSourceValidator.validate(SlSourceCodecTest.STANDALONE, Optional.empty()))
                .isEmpty();
    }

    @Test
    void anOverlayNeedsItsManifestEntry() {
        assertThat(SlSourceValidator.validate(SlSourceCodecTest.OVERLAY, Optional.empty()))
                .containsExactly("overlay has no manifest entry");
    }

    @Test
    void overlayReferencesMustNameKnownColumns() {
        SlSource overlay = parse("""
                columns: [{name: amount, sql: "1"}, {name: bare}, {name: x, sql: a}, {name: x, sql: b}]
                column_overrides: {gone: {type: t}, internal_note: {type: t}}
                exclude_columns: [internal_note, nope]
                measures: [{name: m1, agg: sum, column: missing}, {name: m2, agg: sum}, {name: m3, agg: sum, column: id, sql: x}, {name: m1, agg: count}]
                segments: [{name: s, sql: "x", columns: [status, ghost]}]
                """);
        assertThat(SlSourceValidator.validate(overlay, ORDERS))
                .containsExactly(
                        "exclude_columns refers to unknown column nope",
                        "column_overrides refers to unknown column gone",
                        "column_overrides refers to unknown column internal_note",
                        "computed column amount shadows a manifest column",
                        "computed column bare has no sql",
                        "duplicate column x",
                        "duplicate measure m1",
                        "measure m1 refers to unknown column missing",
                        "measure m2 needs a column or sql",
                        "measure m3 has both column and sql",
                        "segment s refers to unknown column ghost");
    }

    @Test
    void computedColumnsMayReplaceExcludedOnes() {
        SlSource overlay = parse("exclude_columns: [amount]\ncolumns: [{name: amount, sql: amount_cents / 100}]\n");
        assertThat(SlSourceValidator.validate(overlay, ORDERS)).isEmpty();
        assertThat(new SourceDefinition(Optional.of(overlay), ORDERS).columnNames())
                .containsExactlyInAnyOrder("id", "status", "internal_note", "customer_id", "amount");
    }

    @Test
    void standaloneSourcesNeedExactlyOneOfTableAndSqlAndMustNotShadowTheManifest() {
        assertThat(SlSourceValidator.validate(parse("grain: [id]\ncolumns: [{name: id}]\n"), Optional.empty()))
                .containsExactly("standalone source has neither table nor sql");
        assertThat(SlSourceValidator.validate(
                        parse("table: a.b.c\nsql: select 1\ngrain: [id]\ncolumns: [{name: id}]\n"), Optional.empty()))
                .containsExactly("standalone source has both table and sql");
        assertThat(SlSourceValidator.validate(parse("table: a.b.c\ngrain: [id]\ncolumns: [{name: id}]\n"), ORDERS))
                .containsExactly("standalone source shadows a manifest entry");
        assertThat(SlSourceValidator.validate(
                        parse("table: a.b.c\nexclude_columns: [a]\ncolumn_overrides: {a: {type: t}}\n"),
                        Optional.empty()))
                .containsExactly(
                        "standalone source has no grain",
                        "standalone source has no columns",
                        "standalone source cannot have column_overrides",
                        "standalone source cannot have exclude_columns");
        assertThat(SlSourceValidator.validate(
                        parse("table: a.b.c\ngrain: [key]\ncolumns: [{name: id}]\n"), Optional.empty()))
                .containsExactly("grain refers to unknown column key");
    }

    @Test
    void entitiesAreColumnsMeasuresAndSegments() {
        SourceDefinition orders = new SourceDefinition(Optional.of(SlSourceCodecTest.OVERLAY), ORDERS);
        assertThat(orders.entityNames())
                .containsExactlyInAnyOrder("id", "amount", "status", "customer_id", "net", "revenue", "paid");
        assertThat(new SourceDefinition(Optional.empty(), ORDERS).entityNames()).contains("internal_note");
    }

    private static SlSource parse(String yaml) {
        return SlSourceCodec.parse(yaml);
    }
}
