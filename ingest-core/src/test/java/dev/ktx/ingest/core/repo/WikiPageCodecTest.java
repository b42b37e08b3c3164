package dev.ktx.ingest.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WikiPageCodecTest {

    private static final WikiPage FULL = new WikiPage(
            "orders-faq",
            new Frontmatter(
                    "How orders work",
                    List.of("orders", "sales"),
                    List.of("customers"),
                    List.of(
                            SlRef.parse("orders.revenue").orElseThrow(),
                            SlRef.parse("wh/orders").orElseThrow()),
                    UsageMode.AUTO,
                    "analytics_dbt",
                    List.of("public.orders"),
                    "Join to customers first.\nThen filter.",
                    "SELECT * FROM public.orders WHERE id = $1"),
            "# Orders\n\nSee [[customers]].\n");

    @Test
    void writesFieldsInFixedOrderAndOmitsEmptyOptionals() {
        assertThat(WikiPageCodec.write(FULL)).isEqualTo("""
                ---
                summary: How orders work
                tags:
                  - orders
                  - sales
                refs:
                  - customers
                sl_refs:
                  - orders.revenue
                  - wh/orders
                usage_mode: auto
                source: analytics_dbt
                tables:
                  - public.orders
                usage: |-
                  Join to customers first.
                  Then filter.
                representative_sql: SELECT * FROM public.orders WHERE id = $1
                ---

                # Orders

                See [[customers]].
                """);
        assertThat(WikiPageCodec.write(new WikiPage("a", Frontmatter.of("Only a summary"), "text")))
                .isEqualTo("---\nsummary: Only a summary\n---\n\ntext\n");
    }

    @Test
    void roundTripsToEqualPagesAndIdenticalBytes() {
        String written = WikiPageCodec.write(FULL);
        WikiPage parsed = WikiPageCodec.parse("orders-faq", written);
        assertThat(parsed).isEqualTo(FULL);
        assertThat(WikiPageCodec.write(parsed)).isEqualTo(written);
    }

    @Test
    void withSlRefsReplacesOnlyThem() {
        Frontmatter full = FULL.frontmatter();
        Frontmatter trimmed = full.withSlRefs(List.of());

        assertThat(trimmed.slRefs()).isEmpty();
        assertThat(trimmed.withSlRefs(full.slRefs())).isEqualTo(full);
    }

    @Test
    void quotesStringsThatYamlWouldReadAsOtherTypes() {
        WikiPage page = new WikiPage("a", Frontmatter.of("2026-01-01"), "");
        assertThat(WikiPageCodec.parse("a", WikiPageCodec.write(page))).isEqualTo(page);
    }

    @Test
    void parsesCrlfAndAMissingBlankLine() {
        WikiPage page = WikiPageCodec.parse("a", "---\r\nsummary: S\r\n---\r\nbody\r\n");
        assertThat(page.frontmatter().summary()).isEqualTo("S");
        assertThat(page.body()).isEqualTo("body\n");
    }

    @Test
    void reportsEachFrontmatterProblemClearly() {
        assertInvalid("---\ntags: [a]\n---\n\nx", "p: invalid frontmatter: summary is required");
        assertInvalid("---\n---\n", "p: invalid frontmatter: summary is required");
        assertInvalid("no frontmatter", "p: invalid frontmatter: file must start with ---");
        assertInvalid("---\nsummary: S\n", "p: invalid frontmatter: no closing ---");
        assertInvalid(
                "---\nsummary: S\ntags: [a, b, c, d]\n---\n", "p: invalid frontmatter: at most 3 tags allowed, got 4");
        assertInvalid(
                "---\nsummary: S\nrefs: [Bad]\n---\n",
                "p: invalid frontmatter: refs entry Bad is not a valid page key");
        assertInvalid(
                "---\nsummary: S\nsl_refs: [a.b.c]\n---\n", "p: invalid frontmatter: invalid sl_refs entry a.b.c");
        assertInvalid(
                "---\nsummary: S\nusage_mode: sometimes\n---\n",
                "p: invalid frontmatter: usage_mode must be one of always, auto, never");
        assertInvalid("---\nsummary: S\nowner: me\n---\n", "p: invalid frontmatter: unknown field owner");
        assertInvalid("---\nsummary: [S]\n---\n", "p: invalid frontmatter: summary must be a string");
        assertInvalid(
                "---\nsummary: S\nsummary: T\n---\n",
                "p: invalid frontmatter: malformed YAML at line 2, column 1: found duplicate key summary");
    }

    private static void assertInvalid(String text, String message) {
        assertThatThrownBy(() -> WikiPageCodec.parse("p", text))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessage(message);
    }

    @Test
    void extractsBodyReferences() {
        BodyReferences refs = BodyReferences.of("""
                See [[customers]] and [[orders-faq|the FAQ]], again [[customers]].
                Revenue is in `source:orders` and `wh/source:payments`; raw data in `table:public.orders`.
                Not a ref: source:plain, `source: spaced`.
                """);
        assertThat(refs.links()).containsExactly("customers", "orders-faq");
        assertThat(refs.sources()).containsExactly(new SlRef(null, "orders", null), new SlRef("wh", "payments", null));
        assertThat(refs.tables()).containsExactly("public.orders");
    }

    @Test
    void parsesSlRefForms() {
        assertThat(SlRef.parse("orders")).contains(new SlRef(null, "orders", null));
        assertThat(SlRef.parse("orders.revenue")).contains(new SlRef(null, "orders", "revenue"));
        assertThat(SlRef.parse("wh/orders.revenue")).contains(new SlRef("wh", "orders", "revenue"));
        assertThat(SlRef.parse("wh/orders.revenue").orElseThrow()).hasToString("wh/orders.revenue");
        assertThat(SlRef.parse("a/b/c")).isEmpty();
        assertThat(SlRef.parse("")).isEmpty();
    }
}
