package dev.ktx.ingest.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The project of the fault drills: the demo warehouse and six source targets, at most three in flight. Built from
 * {@code examples/acme}: its dbt project (overlays on {@code subscriptions} and {@code plans}), its Metabase export
 * (overlays on {@code accounts} and {@code mart_account_segments}) and four Notion exports with one page each, copies
 * of a demo page that links nowhere, under distinct titles. No two targets write the same file or refer to each
 * other, so a drill's outcome depends on its fault only.
 */
final class FaultProject {

    /** The one database target (its connection in {@link #ktxYaml()}). */
    static final String DATABASE_TARGET = "warehouse";

    static final List<String> NOTION_TARGETS =
            IntStream.rangeClosed(1, 4).mapToObj(n -> "notes_" + n).toList();
    /** "Weekly metrics review": no wiki links, no mentions. */
    private static final String TEMPLATE_PAGE = "c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5";

    private static final String TEMPLATE_TITLE = "Weekly metrics review";

    private FaultProject() {}

    static Path create() throws Exception {
        Path project = DemoProject.create();
        Path template = project.resolve("snapshots/notion/pages").resolve(TEMPLATE_PAGE);
        for (String target : NOTION_TARGETS) {
            String pageId = UUID.nameUUIDFromBytes(target.getBytes(StandardCharsets.UTF_8))
                    .toString();
            Path page = Files.createDirectories(project.resolve("snapshots")
                    .resolve(target)
                    .resolve("pages")
                    .resolve(pageId));
            for (String file : List.of("page.json", "blocks.json")) {
                Files.writeString(
                        page.resolve(file),
                        Files.readString(template.resolve(file))
                                .replace(TEMPLATE_PAGE, pageId)
                                .replace(TEMPLATE_PAGE.replace("-", ""), pageId.replace("-", ""))
                                .replace(TEMPLATE_TITLE, TEMPLATE_TITLE + " " + target.replace('_', ' ')));
            }
        }
        Files.writeString(project.resolve("ktx.yaml"), ktxYaml());
        try (Git git = Git.open(project.toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent user = new PersonIdent("e2e", "e2e@localhost");
            git.commit()
                    .setAuthor(user)
                    .setCommitter(user)
                    .setMessage("fault drill project")
                    .call();
        }
        return project;
    }

    private static String ktxYaml() {
        String notion = NOTION_TARGETS.stream()
                .map(target -> """
                  %s:
                    driver: notion
                    snapshot_dir: ./snapshots/%s
                """.formatted(target, target))
                .reduce("", String::concat);
        return """
                # Fault drills (e2e-tests FaultProject): the warehouse and six independent sources, three at a time.
                connections:
                  warehouse:
                    driver: postgres
                    url: env:WAREHOUSE_URL
                    schemas: [public]
                  analytics_dbt:
                    driver: dbt
                    source_dir: ./dbt
                    target_connection: warehouse
                  prod_metabase:
                    driver: metabase
                    api_url: https://metabase.acme.example
                    snapshot_dir: ./snapshots/metabase
                    mappings:
                      databaseMappings:
                        "2": warehouse
                """ + notion + """
                ingest:
                  sources:
                    maxConcurrency: 3
                """;
    }

    /** A source target (every target but the warehouse), e.g. to time a fault to a source job. */
    static boolean isSource(String connectionId) {
        return connectionId != null && !connectionId.equals(DATABASE_TARGET);
    }
}
