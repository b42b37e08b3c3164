package dev.ktx.ingest.connectors.notion;

import static dev.ktx.ingest.connectors.notion.NotionFixture.block;
import static dev.ktx.ingest.connectors.notion.NotionFixture.mention;
import static dev.ktx.ingest.connectors.notion.NotionFixture.paragraph;
import static dev.ktx.ingest.connectors.notion.NotionFixture.richText;
import static dev.ktx.ingest.connectors.notion.NotionFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.config.NotionConnection;
import dev.ktx.ingest.core.input.RawFormatException;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.ProvenanceRow.Action;
import dev.ktx.ingest.core.source.AdapterHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotionAdapterTest {

    static final Path DEMO_PROJECT = Path.of("../../examples/acme");
    static final String ONBOARDING = "8f3c2a71-4b6e-4d2f-9a15-7c0e3b9d2f41";
    static final String PAGE_A = "11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    static final String PAGE_B = "22222222-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    static final String PAGE_C = "33333333-cccc-4ccc-8ccc-cccccccccccc";

    @TempDir
    Path dir;

    @Test
    void demoPagesBecomeWikiPagesThatLinkDbtDocsAndEachOther() throws Exception {
        NotionConnection docs = NotionFixture.snapshot(DEMO_PROJECT.resolve("snapshots/notion"));

        AdapterHarness.Result result = AdapterHarness.run(
                new NotionAdapter(), AdapterHarness.context(docs, DEMO_PROJECT), new InMemoryRepoTree());

        assertThat(result.unitIds())
                .containsExactly(
                        "2d9e6b14-7a3f-4c81-b5d2-0f6a9e3c7b58", ONBOARDING, "c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5");
        assertThat(result.writes())
                .containsOnlyKeys(
                        "wiki/global/onboarding-playbook.md",
                        "wiki/global/segment-review-process.md",
                        "wiki/global/weekly-metrics-review.md");
        assertThat(result.text("wiki/global/onboarding-playbook.md")).isEqualTo("""
                ---
                summary: How we bring a new account from sign-up to its first activated week.
                tags:
                  - notion
                refs:
                  - activation-policy-change-jan-2026
                  - weekly-metrics-review
                source: docs
                ---

                # Onboarding playbook

                How we bring a new account from sign-up to its first activated week. Customer success owns this playbook.

                ## Activation

                An account counts as **activated** once it meets the definition in [[activation-policy-change-jan-2026]]; \
                accounts that signed up before the change keep the old definition.

                1. Send the welcome sequence on day 0.
                2. Book the kickoff call within *3 business days*.
                3. Check `activated_at` on day 14 and escalate accounts that are still inactive.

                ### Reporting

                Onboarding numbers are discussed in the [[weekly-metrics-review]].
                """);
        assertThat(result.text("wiki/global/segment-review-process.md"))
                .contains("refs:\n  - account-segmentation-rules\n");
        assertThat(result.provenance())
                .extracting(ProvenanceRow::rawPath, ProvenanceRow::artifactKey, ProvenanceRow::action)
                .contains(tuple("pages/" + ONBOARDING + "/page.json", "onboarding-playbook", Action.WIKI_WRITTEN));
        assertThat(result.provenance().get(1).rawSha256())
                .isEqualTo(result.snapshot().sha256("pages/" + ONBOARDING + "/page.json"));
    }

    @Test
    void blocksRenderAsMarkdown() throws Exception {
        AdapterHarness.Result result = new NotionFixture(dir)
                .page(
                        PAGE_A,
                        "Blocks",
                        block("heading_3", richText(text("Small"))),
                        block(
                                "bulleted_list_item",
                                richText(text("outer")),
                                block("to_do", "{\"rich_text\": [" + text("inner") + "], \"checked\": true}")),
                        block("bulleted_list_item", richText(text("second"))),
                        block(
                                "callout",
                                "{\"rich_text\": [" + text("Careful")
                                        + "], \"icon\": {\"type\": \"emoji\", \"emoji\": \"⚠️\"}}",
                                paragraph(text("details"))),
                        block("code", "{\"rich_text\": [" + text("a ``` b") + "], \"language\": \"plain text\"}"),
                        paragraph("""
                        {"type": "text", "text": {"content": " bold ", "link": {"url": "https://x.example"}},
                         "annotations": {"bold": true, "italic": false, "strikethrough": false, "code": false},
                         "plain_text": " bold "}""", text("after")))
                .run();

        assertThat(result.text("wiki/global/blocks.md")).endsWith("""
                # Blocks

                #### Small

                - outer
                  - [x] inner
                - second

                > ⚠️ Careful
                >
                > details

                ````
                a ``` b
                ````

                 [**bold**](https://x.example) after
                """);
    }

    @Test
    void togglesTablesColumnsLinksAndEquationsRenderAsMarkdown() throws Exception {
        String pageLink = """
                {"type": "text", "text": {"content": "the target", "link": {"url": "/22222222bbbb4bbb8bbbbbbbbbbbbbbb"}},
                 "plain_text": "the target"}""";
        AdapterHarness.Result result = new NotionFixture(dir)
                .page(
                        PAGE_A,
                        "Blocks",
                        block("toggle", richText(text("Details")), paragraph(text("Inside."))),
                        block(
                                "table",
                                "{\"table_width\": 2, \"has_column_header\": true}",
                                block("table_row", "{\"cells\": [[" + text("Metric") + "], [" + text("Owner") + "]]}"),
                                block("table_row", "{\"cells\": [[" + text("MRR | ARR") + "], [" + pageLink + "]]}")),
                        block(
                                "table",
                                "{\"table_width\": 1, \"has_column_header\": false}",
                                block("table_row", "{\"cells\": [[" + text("only data") + "]]}")),
                        block(
                                "column_list",
                                "{}",
                                block("column", "{}", paragraph(text("Left."))),
                                block("column", "{}", paragraph(text("Right.")))),
                        block("table_of_contents", "{\"color\": \"default\"}"),
                        block(
                                "bookmark",
                                "{\"caption\": [" + text("Dashboard") + "], \"url\": \"https://mb.example/d/1\"}"),
                        block("link_preview", "{\"url\": \"https://github.com/acme/dbt\"}"),
                        block("equation", "{\"expression\": \"E = mc^2\"}"),
                        paragraph(text("See "), pageLink, text(".")))
                .page(PAGE_B, "Target", paragraph(text("Linked.")))
                .run();

        assertThat(result.text("wiki/global/blocks.md"))
                .contains("refs:\n  - target\n")
                .endsWith("""
                # Blocks

                - Details
                  Inside.

                | Metric | Owner |
                | --- | --- |
                | MRR \\| ARR | [[target]] |

                |  |
                | --- |
                | only data |

                Left.

                Right.

                [Dashboard](https://mb.example/d/1)

                [https://github.com/acme/dbt](https://github.com/acme/dbt)

                $$
                E = mc^2
                $$

                See [[target|the target]].
                """);
        assertThat(result.provenance()).extracting(ProvenanceRow::action).doesNotContain(Action.SKIPPED);
    }

    @Test
    void titleCollisionsAppendTheIdPrefixAndMentionsFollowTheFinalKeys() throws Exception {
        AdapterHarness.Result result = new NotionFixture(dir)
                .page(PAGE_A, "Q1 plan", paragraph(text("See "), mention(PAGE_B, "Q1 Plan!"), text(".")))
                .page(
                        PAGE_B,
                        "Q1 Plan!",
                        block("link_to_page", "{\"type\": \"page_id\", \"page_id\": \"" + PAGE_C + "\"}"))
                .removedPage(PAGE_C, "Q1 plan", "archived")
                .run();

        assertThat(result.writes())
                .containsOnlyKeys("wiki/global/q1-plan-11111111.md", "wiki/global/q1-plan-22222222.md");
        assertThat(result.text("wiki/global/q1-plan-11111111.md"))
                .contains("refs:\n  - q1-plan-22222222\n")
                .contains("See [[q1-plan-22222222]].");
        // The linked page is archived: it is not written, so neither a link nor a ref points at it.
        assertThat(result.text("wiki/global/q1-plan-22222222.md"))
                .doesNotContain("refs:")
                .endsWith("# Q1 Plan!\n");
        assertThat(result.provenance())
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                .contains(tuple("q1-plan", Action.SKIPPED, "archived"));
    }

    @Test
    void literalWikiLinksAndLinkBlocksBecomeRefsButUnknownMentionsStayText() throws Exception {
        AdapterHarness.Result result = new NotionFixture(dir)
                .page(
                        PAGE_A,
                        "Hub",
                        paragraph(
                                text("Rules: [[account-segmentation-rules]] and [[Not a key]]. "),
                                mention(PAGE_C, "Elsewhere")),
                        block("child_page", "{\"title\": \"Child\"}"))
                .page(
                        PAGE_B,
                        "Other",
                        block("link_to_page", "{\"type\": \"page_id\", \"page_id\": \"" + PAGE_A + "\"}"))
                .run();

        String hub = result.text("wiki/global/hub.md");
        assertThat(hub)
                .contains("refs:\n  - account-segmentation-rules\nsource")
                .contains("[[Not a key]]. Elsewhere");
        assertThat(hub).startsWith("---\nsummary: 'Rules: [[account-segmentation-rules]] and [[Not a key]].'\n");
        assertThat(result.text("wiki/global/other.md"))
                .contains("refs:\n  - hub\n")
                .endsWith("# Other\n\n[[hub]]\n");
    }

    @Test
    void unsupportedBlocksAndTrashedPagesLeaveSkippedRows() throws Exception {
        AdapterHarness.Result result = new NotionFixture(dir)
                .page(
                        PAGE_A,
                        "Mixed",
                        paragraph(text("Kept.")),
                        block(
                                "image",
                                "{\"type\": \"external\", \"external\": {\"url\": \"https://x.example/a.png\"}}"),
                        block("child_database", "{\"title\": \"Tasks\"}"),
                        block(
                                "image",
                                "{\"type\": \"external\", \"external\": {\"url\": \"https://x.example/b.png\"}}"))
                .removedPage(PAGE_B, "Gone", "in_trash")
                .run();

        assertThat(result.writes()).containsOnlyKeys("wiki/global/mixed.md");
        assertThat(result.text("wiki/global/mixed.md")).endsWith("# Mixed\n\nKept.\n");
        assertThat(result.provenance())
                .extracting(
                        ProvenanceRow::rawPath,
                        ProvenanceRow::artifactKey,
                        ProvenanceRow::action,
                        ProvenanceRow::reason)
                .containsExactly(
                        tuple("pages/" + PAGE_A + "/page.json", "mixed", Action.WIKI_WRITTEN, null),
                        tuple(
                                "pages/" + PAGE_A + "/blocks.json",
                                "mixed",
                                Action.SKIPPED,
                                "unsupported_block_type:child_database"),
                        tuple(
                                "pages/" + PAGE_A + "/blocks.json",
                                "mixed",
                                Action.SKIPPED,
                                "unsupported_block_type:image"),
                        tuple("pages/" + PAGE_B + "/page.json", "gone", Action.SKIPPED, "in_trash"));
    }

    @Test
    void badJsonIsReportedWithItsFile() {
        NotionFixture fixture = new NotionFixture(dir)
                .page(PAGE_A, "Fine")
                .file("pages/" + PAGE_B + "/page.json", "{\"id\": \"" + PAGE_B + "\", \"properties\": {}}")
                .file("pages/" + PAGE_B + "/blocks.json", "[{\"id\": ");

        assertThatThrownBy(fixture::run)
                .isInstanceOf(RawFormatException.class)
                .hasMessageStartingWith("pages/" + PAGE_B + "/blocks.json: invalid JSON: ");
    }

    @Test
    void shapeErrorsNameTheFileAndField() {
        NotionFixture missingTitle = new NotionFixture(dir)
                .file("pages/" + PAGE_A + "/page.json", "{\"id\": \"" + PAGE_A + "\", \"properties\": {}}")
                .file("pages/" + PAGE_A + "/blocks.json", "[]");
        assertThatThrownBy(missingTitle::run)
                .hasMessage("pages/" + PAGE_A + "/page.json: properties has no property of type title");

        NotionFixture blockWithoutContent =
                new NotionFixture(dir).page(PAGE_A, "A", "{\"id\": \"b1\", \"type\": \"quote\"}");
        assertThatThrownBy(blockWithoutContent::run)
                .hasMessage("pages/" + PAGE_A + "/blocks.json: [0].quote is required");

        NotionFixture sameIdTwice = new NotionFixture(dir).page(PAGE_A, "A").page(PAGE_A.replace("-", ""), "A again");
        assertThatThrownBy(sameIdTwice::run).hasMessageEndingWith("page id also in pages/" + PAGE_A + "/page.json");

        NotionFixture wrongDirectory = new NotionFixture(dir)
                .page(PAGE_A, "A")
                .file("pages/" + PAGE_C + "/page.json", "{\"id\": \"" + PAGE_B + "\", \"properties\": {}}");
        assertThatThrownBy(wrongDirectory::run)
                .hasMessage("pages/" + PAGE_C + "/page.json: id does not match the directory " + PAGE_C);
    }
}
