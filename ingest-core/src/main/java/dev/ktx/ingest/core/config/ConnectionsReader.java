package dev.ktx.ingest.core.config;

import dev.ktx.ingest.core.config.NotionConnection.CrawlMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and validates {@code connections:}, including the references between connections. */
final class ConnectionsReader {

    private static final Pattern CONNECTION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]*$");
    private static final Pattern TABLE_NAME = Pattern.compile("^[^.\\s]+\\.[^.\\s]+$");
    private static final Pattern METABASE_DATABASE_ID = Pattern.compile("^[0-9]+$");
    private static final Pattern NOTION_PAGE_ID = Pattern.compile("^(?:[0-9a-fA-F]-?){31}[0-9a-fA-F]$");
    private static final String SUPPORTED_DRIVERS =
            Arrays.stream(Driver.values()).map(Driver::wireName).sorted().collect(Collectors.joining(", "));

    private final Path projectDir;
    private final Problems problems;
    /** Known once every driver is read; sources refer to database connections by id. */
    private SortedSet<String> databaseIds;

    ConnectionsReader(Path projectDir, Problems problems) {
        this.projectDir = projectDir;
        this.problems = problems;
    }

    SortedMap<String, ConnectionConfig> read(YamlMapping connections) {
        Map<String, Driver> drivers = new LinkedHashMap<>();
        Map<String, YamlMapping> bodies = new LinkedHashMap<>();
        for (String id : connections.keys()) {
            if (!CONNECTION_ID.matcher(id).matches()) {
                problems.invalid(
                        connections.path(id),
                        "connection id must match " + CONNECTION_ID + " (it becomes part of git ref names)");
            }
            connections
                    .mapping(id)
                    .ifPresent(body -> driver(body)
                            .ifPresentOrElse(
                                    driver -> {
                                        drivers.put(id, driver);
                                        bodies.put(id, body);
                                    },
                                    body::ignoreUnknownKeys));
        }
        databaseIds = drivers.entrySet().stream()
                .filter(e -> e.getValue().kind() == Driver.Kind.DATABASE)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));

        SortedMap<String, ConnectionConfig> result = new TreeMap<>();
        bodies.forEach((id, body) -> connection(id, drivers.get(id), body).ifPresent(c -> result.put(id, c)));
        return result;
    }

    private Optional<Driver> driver(YamlMapping body) {
        return body.requiredString("driver", "required (supported: " + SUPPORTED_DRIVERS + ")")
                .flatMap(name -> {
                    Optional<Driver> driver = Driver.fromWireName(name);
                    if (driver.isEmpty()) {
                        problems.unsupported(body.path("driver"), name + " (supported: " + SUPPORTED_DRIVERS + ")");
                    }
                    return driver;
                });
    }

    private Optional<? extends ConnectionConfig> connection(String id, Driver driver, YamlMapping body) {
        return switch (driver) {
            case POSTGRES -> postgres(id, body);
            case DBT -> dbt(id, body);
            case METABASE -> metabase(id, body);
            case NOTION -> notion(id, body);
        };
    }

    private Optional<PostgresConnection> postgres(String id, YamlMapping body) {
        Optional<PostgresUrlSetting> url = body.requiredString("url", "required for driver postgres")
                .flatMap(text -> postgresUrl(body.path("url"), text));
        List<String> schemas = nonEmptyList(body, "schemas");
        List<String> enabledTables = nonEmptyList(body, "enabled_tables");
        if (!enabledTables.stream().allMatch(t -> TABLE_NAME.matcher(t).matches())) {
            problems.invalid(body.path("enabled_tables"), "expected schema.table names");
        }
        QueryHistorySettings queryHistory = body.mapping("context")
                .flatMap(context -> context.mapping("queryHistory"))
                .map(ConnectionsReader::queryHistory)
                .orElse(QueryHistorySettings.DEFAULTS);
        return url.map(u -> new PostgresConnection(id, u, schemas, enabledTables, queryHistory));
    }

    private Optional<PostgresUrlSetting> postgresUrl(String path, String text) {
        try {
            if (SecretRef.isReference(text)) {
                return secretRef(path, text).map(PostgresUrlSetting.Referenced::new);
            }
            PostgresUrl url = PostgresUrl.parse(text);
            if (url.carriesSecrets()) {
                problems.invalid(
                        path,
                        "must not carry a password (user-info or password/sslpassword parameter); "
                                + "reference the url as env:NAME or file:/path");
                return Optional.empty();
            }
            return Optional.of(new PostgresUrlSetting.Inline(url));
        } catch (IllegalArgumentException e) {
            problems.invalid(path, e.getMessage());
            return Optional.empty();
        }
    }

    private static QueryHistorySettings queryHistory(YamlMapping settings) {
        QueryHistorySettings defaults = QueryHistorySettings.DEFAULTS;
        return new QueryHistorySettings(
                settings.bool("enabled").orElse(defaults.enabled()),
                settings.integer("minExecutions", 1, Integer.MAX_VALUE).orElse(defaults.minExecutions()));
    }

    private Optional<DbtConnection> dbt(String id, YamlMapping body) {
        Optional<String> targetConnection = body.has("target_connection")
                ? body.string("target_connection")
                        .filter(target -> isDatabaseConnection(body.path("target_connection"), target))
                : onlyDatabaseConnection(body.path("target_connection"));
        return dbtProject(body)
                .flatMap(project -> targetConnection.map(target -> new DbtConnection(id, project, target)));
    }

    private Optional<String> onlyDatabaseConnection(String path) {
        if (databaseIds.size() == 1) {
            return Optional.of(databaseIds.first());
        }
        problems.missing(
                path,
                "required when ktx.yaml does not have exactly one database connection (" + databaseConnectionsList()
                        + ")");
        return Optional.empty();
    }

    private Optional<DbtProject> dbtProject(YamlMapping body) {
        if (!body.has("repo_url")) {
            List.of("branch", "path", "token").stream()
                    .filter(body::has)
                    .forEach(key -> body.invalid(key, "only used with repo_url"));
            if (!body.has("source_dir")) {
                body.missing("source_dir", "required for driver dbt unless repo_url, branch and path are given");
            }
            return directory(body, "source_dir").map(DbtProject.LocalDir::new);
        }
        if (body.has("source_dir")) {
            body.invalid("source_dir", "give either source_dir or repo_url + branch + path, not both");
        }
        Optional<DbtProject.GitRepo> repo = DbtGitRepoReader.read(body, secret(body, "token"));
        return body.has("source_dir") ? Optional.empty() : repo.map(DbtProject.class::cast);
    }

    private Optional<MetabaseConnection> metabase(String id, YamlMapping body) {
        Optional<URI> apiUrl = body.requiredString("api_url", "required for driver metabase")
                .flatMap(text -> httpUrl(body.path("api_url"), text));
        Optional<SecretRef> apiKey = secret(body, "api_key");
        Optional<Path> snapshotDir = directory(body, "snapshot_dir");
        requireLiveOrSnapshot(body, "api_key", "metabase");
        SortedMap<String, String> databaseMappings = body.mapping("mappings")
                .flatMap(mappings -> mappings.mapping("databaseMappings"))
                .map(this::databaseMappings)
                .orElse(new TreeMap<>());
        return apiUrl.map(url -> new MetabaseConnection(id, url, apiKey, snapshotDir, databaseMappings));
    }

    private SortedMap<String, String> databaseMappings(YamlMapping mappings) {
        SortedMap<String, String> result = new TreeMap<>();
        for (String metabaseId : mappings.keys()) {
            Optional<String> target = mappings.string(metabaseId);
            String path = mappings.path(metabaseId);
            if (!METABASE_DATABASE_ID.matcher(metabaseId).matches()) {
                problems.invalid(path, "Metabase database ids are numbers");
            } else {
                target.filter(t -> isDatabaseConnection(path, t)).ifPresent(t -> result.put(metabaseId, t));
            }
        }
        return result;
    }

    private Optional<NotionConnection> notion(String id, YamlMapping body) {
        Optional<URI> apiUrl = body.has("api_url")
                ? body.string("api_url").flatMap(text -> httpUrl(body.path("api_url"), text))
                : Optional.of(NotionConnection.DEFAULT_API_URL);
        Optional<SecretRef> authToken = secret(body, "auth_token");
        List<String> rootPageIds = body.stringList("root_page_ids").orElse(List.of());
        rootPageIds.stream()
                .filter(page -> !NOTION_PAGE_ID.matcher(page).matches())
                .findFirst()
                .ifPresent(page -> problems.invalid(
                        body.path("root_page_ids"),
                        "not a Notion page id: " + page + " (expected 32 hex digits, dashes allowed)"));
        Optional<CrawlMode> crawlMode = crawlMode(body, rootPageIds);
        OptionalInt maxPages = body.integer("max_pages_per_run", 1, Integer.MAX_VALUE)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
        Optional<Path> snapshotDir = directory(body, "snapshot_dir");
        requireLiveOrSnapshot(body, "auth_token", "notion");
        return apiUrl.flatMap(url -> crawlMode.map(
                mode -> new NotionConnection(id, url, authToken, rootPageIds, mode, maxPages, snapshotDir)));
    }

    /** Default: the trees of {@code root_page_ids} when there are any, else every page the search returns. */
    private static Optional<CrawlMode> crawlMode(YamlMapping body, List<String> rootPageIds) {
        if (!body.has("crawl_mode")) {
            return Optional.of(rootPageIds.isEmpty() ? CrawlMode.SEARCH : CrawlMode.TREE);
        }
        Optional<String> text = body.string("crawl_mode");
        Optional<CrawlMode> mode = text.flatMap(CrawlMode::fromWireName);
        if (text.isPresent() && mode.isEmpty()) {
            body.invalid("crawl_mode", "expected tree or search (got " + text.get() + ")");
        }
        if (mode.filter(CrawlMode.TREE::equals).isPresent() && rootPageIds.isEmpty()) {
            body.missing("root_page_ids", "required with crawl_mode: tree");
            return Optional.empty();
        }
        return mode;
    }

    private void requireLiveOrSnapshot(YamlMapping body, String secretKey, String driver) {
        if (!body.has(secretKey) && !body.has("snapshot_dir")) {
            body.missing(secretKey, "required for driver " + driver + " unless snapshot_dir is given");
        }
    }

    private boolean isDatabaseConnection(String path, String target) {
        if (databaseIds.contains(target)) {
            return true;
        }
        problems.invalid(
                path, target + " is not a database connection of ktx.yaml (" + databaseConnectionsList() + ")");
        return false;
    }

    private String databaseConnectionsList() {
        return databaseIds.isEmpty() ? "it has none" : "database connections: " + String.join(", ", databaseIds);
    }

    /** Secrets may only be referenced; the message never repeats what was written, as that may be the secret. */
    private Optional<SecretRef> secret(YamlMapping body, String key) {
        return body.string(key).flatMap(text -> {
            try {
                Optional<SecretRef> ref = secretRef(body.path(key), text);
                if (ref.isEmpty() && !SecretRef.isReference(text)) {
                    problems.invalid(body.path(key), "secrets must be referenced as env:NAME or file:/path");
                }
                return ref;
            } catch (IllegalArgumentException e) {
                problems.invalid(body.path(key), e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A {@code file:} reference must stay in the project or under a secret mount directory. */
    private Optional<SecretRef> secretRef(String path, String text) {
        Optional<SecretRef> ref = SecretRef.parse(text, projectDir);
        if (ref.orElse(null) instanceof SecretRef.File file) {
            Optional<String> escape = ProjectPaths.escape(projectDir, file.path(), ProjectPaths.SECRET_DIRS);
            if (escape.isPresent()) {
                problems.invalid(
                        path, file + " " + escape.get() + " (allowed: the project, " + ProjectPaths.SECRET_DIRS + ")");
                return Optional.empty();
            }
        }
        return ref;
    }

    private Optional<Path> directory(YamlMapping body, String key) {
        return body.string(key).flatMap(text -> {
            try {
                Path dir = projectDir.resolve(text).normalize();
                Optional<String> escape = ProjectPaths.escape(projectDir, dir, List.of());
                escape.ifPresent(why -> problems.invalid(body.path(key), text + " " + why));
                return escape.isPresent() ? Optional.<Path>empty() : Optional.of(dir);
            } catch (InvalidPathException e) {
                problems.invalid(body.path(key), "not a valid path");
                return Optional.empty();
            }
        });
    }

    /** API paths are appended to it, and credentials belong in the secret, not in a URL that ends up in logs. */
    private Optional<URI> httpUrl(String path, String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                if (uri.getRawUserInfo() != null) {
                    problems.invalid(path, "must not embed credentials (use the secret reference)");
                    return Optional.empty();
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    problems.invalid(path, "must not have a query or fragment (API paths are appended to it)");
                    return Optional.empty();
                }
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, without the text
        }
        problems.invalid(path, "expected an http or https URL");
        return Optional.empty();
    }

    /** Absent = the default; an explicit empty list would silently scan nothing, so it is refused. */
    private List<String> nonEmptyList(YamlMapping body, String key) {
        Optional<List<String>> list = body.stringList(key);
        if (list.filter(List::isEmpty).isPresent()) {
            problems.invalid(body.path(key), "must not be empty (leave it out to use the default)");
        }
        return list.orElse(List.of());
    }
}
