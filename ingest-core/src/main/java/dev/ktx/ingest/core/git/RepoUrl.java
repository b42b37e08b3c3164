package dev.ktx.ingest.core.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL of a project's git remote, normalised: {@code file://}, {@code http://} or {@code https://}, scheme and
 * host in lower case, no trailing slash, never credentials, a query or a fragment (the token comes from the
 * service's environment, docs/operations.md "Context repository: local path or git remote"). Its text is the
 * project's identity, so every spelling of one remote shares one lock and one set of run keys.
 */
public record RepoUrl(URI uri) {

    public RepoUrl {
        if (uri == null) {
            throw new IllegalArgumentException("repoUrl is required");
        }
    }

    /**
     * @param field how the caller names the URL in its error ({@code repoUrl}, {@code project.repoUrl})
     * @throws IllegalArgumentException naming the field and what is wrong, never echoing credentials
     */
    public static RepoUrl parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(field + ": the scheme must be file, http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + ": must not embed credentials (services read KTX_GIT_TOKEN)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(field + ": must not have a query or fragment");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isBlank())) {
            throw new IllegalArgumentException(field + ": has no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException(field + ": has no repository path");
        }
        String authority = uri.getHost() == null
                ? ""
                : uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return new RepoUrl(URI.create(scheme + "://" + authority + path));
    }

    /** True when this URL is {@code prefix} or lies below it (path segment boundaries respected). */
    public boolean startsWith(RepoUrl prefix) {
        String mine = toString();
        String theirs = prefix.toString();
        return mine.equals(theirs) || mine.startsWith(theirs.endsWith("/") ? theirs : theirs + "/");
    }

    /** The last path segment without {@code .git}: the default project id. */
    public String repositoryName() {
        String path = uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.endsWith(".git") && last.length() > 4 ? last.substring(0, last.length() - 4) : last;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
