package dev.ktx.ingest.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A project as the planner's REST API names it, in a request body or a query: {@code projectDir}, or {@code repoUrl}
 * with an optional {@code branch}.
 */
public record ProjectLocation(String projectDir, String repoUrl, String branch) {

    /** {@code projectDir=...} or {@code repoUrl=...[&branch=...]}, URL-encoded. */
    public String query() {
        List<String> parameters = new ArrayList<>();
        add(parameters, "projectDir", projectDir);
        add(parameters, "repoUrl", repoUrl);
        add(parameters, "branch", branch);
        return String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
