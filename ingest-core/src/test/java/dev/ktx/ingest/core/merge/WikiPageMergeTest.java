package dev.ktx.ingest.core.merge;

import static dev.ktx.ingest.core.merge.FileMerges.base;
import static dev.ktx.ingest.core.merge.FileMerges.conflicts;
import static dev.ktx.ingest.core.merge.FileMerges.mergedText;
import static dev.ktx.ingest.core.merge.FileMerges.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.repo.RepoPath;
import org.junit.jupiter.api.Test;

class WikiPageMergeTest {

    private static final RepoPath.WikiPagePath PAGE = new RepoPath.WikiPagePath("orders-faq");
    private static final String PATH = "wiki/global/orders-faq.md";

    private static final String BASE = """
            ---
            summary: How orders work
            tags:
              - orders
            refs:
              - customers
            source: analytics_dbt
            ---

            # Orders

            An order belongs to one customer.
            Refunds are separate orders.
            """;

    @Test
    void aPersonsFrontmatterEditOnMainMergesWithTheSourcesRewrite() {
        String source = """
                ---
                summary: How orders work
                tags:
                  - orders
                refs:
                  - customers
                  - payments
                source: analytics_dbt
                ---

                # Orders

                An order belongs to one customer.
                Refunds are separate orders.
                Payments settle orders.
                """;
        String person = """
                ---
                summary: How orders work
                tags:
                  - orders
                  - finance
                refs:
                  - customers
                  - refunds
                usage_mode: always
                source: analytics_dbt
                ---

                # Orders

                An order belongs to exactly one customer.
                Refunds are separate orders.
                """;

        String merged = mergedText(merge(BASE, source, person));

        assertThat(merged).isEqualTo("""
                ---
                summary: How orders work
                tags:
                  - orders
                  - finance
                refs:
                  - customers
                  - payments
                  - refunds
                usage_mode: always
                source: analytics_dbt
                ---

                # Orders

                An order belongs to exactly one customer.
                Refunds are separate orders.
                Payments settle orders.
                """);
        assertThat(mergedText(merge(BASE, person, source))).isEqualTo(merged);
    }

    @Test
    void theSameBodyLineEditedOnBothSidesConflicts() {
        String ours = BASE.replace("one customer.", "one customer account.");
        String theirs = BASE.replace("one customer.", "a single customer.");

        assertThat(conflicts(merge(BASE, ours, theirs)))
                .containsExactly(PATH + ": body changed on both sides in the same lines");
    }

    @Test
    void aScalarChangedOnBothSidesConflictsAndARefRemovedOnOneSideIsGone() {
        String ours = BASE.replace("summary: How orders work", "summary: Orders explained")
                .replace("refs:\n  - customers\n", "");
        String theirs = BASE.replace("summary: How orders work", "summary: All about orders");

        assertThat(conflicts(merge(BASE, ours, theirs))).containsExactly(PATH + ": summary changed on both sides");
        assertThat(mergedText(merge(BASE, ours, BASE.replace("# Orders", "# Orders and refunds"))))
                .doesNotContain("refs:")
                .contains("summary: Orders explained", "# Orders and refunds");
    }

    @Test
    void aPageCreatedOnBothSidesWithDifferentContentHasTwoOwners() {
        assertThat(conflicts(merge(null, BASE, BASE.replace("one customer", "a customer"))))
                .containsExactly(PATH + ": created on both sides with different content");
    }

    @Test
    void malformedFrontmatterIsAConflictNamingTheFile() {
        String malformed = BASE.replace("summary: How orders work", "summary: [How orders work");

        assertThat(conflicts(merge(BASE, malformed, BASE.replace("Refunds", "Returns"))))
                .singleElement()
                .asString()
                .startsWith(PATH + ": unreadable in the session: orders-faq: invalid frontmatter: malformed YAML");
        assertThat(conflicts(merge(BASE, BASE.replace("Refunds", "Returns"), "no frontmatter\n")))
                .containsExactly(
                        PATH + ": unreadable in main: orders-faq: invalid frontmatter: file must start with ---");
    }

    @Test
    void aUnionThatBreaksAFrontmatterRuleConflicts() {
        String ours = BASE.replace("  - orders\n", "  - orders\n  - sales\n  - dbt\n");
        String theirs = BASE.replace("  - orders\n", "  - orders\n  - finance\n");

        assertThat(conflicts(merge(BASE, ours, theirs)))
                .containsExactly(PATH + ": merged frontmatter is invalid: at most 3 tags allowed, got 4");
    }

    private static FileMerge merge(String base, String ours, String theirs) {
        return WikiPageMerge.merge(PAGE, base(base), utf8(ours), utf8(theirs));
    }
}
