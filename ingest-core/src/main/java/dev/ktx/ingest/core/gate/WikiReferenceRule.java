package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.BodyReferences;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SlRef;
import dev.ktx.ingest.core.repo.SourceDefinition;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks the references of wiki pages: every reference of each page the session wrote, and, on pages it did not
 * touch, the references its changes can have broken (see {@link ChangeImpact}). Per page, in this order:
 * {@code <page>: invalid frontmatter: <why>}, {@code <page>: unknown sl_refs entry|entity <ref>},
 * {@code <page>: unknown semantic-layer source <name>}, {@code <page>: unknown raw table <ref>}; then one line
 * {@code wiki references target missing page(s): <page> -> <missing>, ...} for all pages.
 */
final class WikiReferenceRule implements GateRule {

    private record PageToCheck(String text, ReferenceScope scope) {}

    @Override
    public List<String> check(GateContext context) {
        RepoTree session = context.input().session();
        List<String> errors = new ArrayList<>();
        List<String> missingPages = new ArrayList<>();
        pagesToCheck(context).forEach((key, page) -> {
            WikiPage parsed;
            try {
                parsed = WikiPageCodec.parse(key, page.text());
            } catch (ArtifactFormatException e) {
                // A page the session did not write is main's problem; only its own pages are reported.
                if (page.scope() == ReferenceScope.ALL) {
                    errors.add(e.getMessage());
                }
                return;
            }
            BodyReferences body = BodyReferences.of(parsed.body());
            checkPage(parsed, body, page.scope(), context.sessionSl(), errors);
            Set<String> links = new LinkedHashSet<>(parsed.frontmatter().refs());
            links.addAll(body.links());
            for (String link : links) {
                if (page.scope().coversPage(link) && !pageExists(session, link)) {
                    missingPages.add(key + " -> " + link);
                }
            }
        });
        if (!missingPages.isEmpty()) {
            errors.add("wiki references target missing page(s): " + String.join(", ", missingPages));
        }
        return errors;
    }

    /** Written pages with all references; when the changes reach further, unchanged pages that mention a changed name. */
    private static Map<String, PageToCheck> pagesToCheck(GateContext context) {
        RepoTree session = context.input().session();
        Map<String, PageToCheck> pages = new TreeMap<>();
        for (RepoPath.WikiPagePath path : context.changes().writtenPages()) {
            session.readText(path.path())
                    .ifPresent(text -> pages.put(path.key(), new PageToCheck(text, ReferenceScope.ALL)));
        }
        ChangeImpact impact = context.impact();
        if (impact.reachesUnchangedPages()) {
            for (String path : session.listFiles(RepoPaths.WIKI_DIR)) {
                Optional<RepoPath> page = RepoPaths.classify(path);
                if (page.isPresent()
                        && page.get() instanceof RepoPath.WikiPagePath wikiPage
                        && !pages.containsKey(wikiPage.key())) {
                    session.readText(path)
                            .filter(impact::mayBeReferencedBy)
                            .ifPresent(text -> pages.put(wikiPage.key(), new PageToCheck(text, impact)));
                }
            }
        }
        return pages;
    }

    private static void checkPage(
            WikiPage page, BodyReferences body, ReferenceScope scope, SemanticLayerCatalog sl, List<String> errors) {
        String key = page.key();
        for (SlRef ref : page.frontmatter().slRefs()) {
            if (!scope.coversSource(ref)) {
                continue;
            }
            List<SourceDefinition> found = sl.resolve(ref);
            if (found.isEmpty()) {
                errors.add(key + ": unknown sl_refs entry " + ref);
            } else if (ref.entity() != null
                    && found.stream().noneMatch(source -> source.entityNames().contains(ref.entity()))) {
                errors.add(key + ": unknown sl_refs entity " + ref);
            }
        }
        for (SlRef source : body.sources()) {
            if (scope.coversSource(source) && sl.resolve(source).isEmpty()) {
                errors.add(key + ": unknown semantic-layer source " + source);
            }
        }
        for (String table : body.tables()) {
            if (scope.coversTable(table) && !isRawTable(table, sl)) {
                errors.add(key + ": unknown raw table " + table);
            }
        }
    }

    /** {@code schema.table}: a manifest shard {@code <schema>.yaml} has an entry named {@code table}. */
    private static boolean isRawTable(String ref, SemanticLayerCatalog sl) {
        int dot = ref.indexOf('.');
        return dot > 0 && sl.hasRawTable(ref.substring(0, dot), ref.substring(dot + 1));
    }

    private static boolean pageExists(RepoTree session, String key) {
        return RepoPaths.isValidPageKey(key)
                && session.kind(RepoPaths.wikiPage(key)).isRegularFile();
    }
}
