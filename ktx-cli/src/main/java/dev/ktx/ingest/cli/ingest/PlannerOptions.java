package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.cli.stack.StackEnv;
import dev.ktx.ingest.cli.stack.StackLayout;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --planner} and {@code --token}, shared by the commands that talk to the planner. */
public final class PlannerOptions {

    static final String URL_VARIABLE = "KTX_PLANNER_URL";
    static final String TOKEN_VARIABLE = StackEnv.API_TOKEN;
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Option(
            names = "--planner",
            paramLabel = "URL",
            description = "The planner's base URL (default: $KTX_PLANNER_URL, else the local stack's, else "
                    + DEFAULT_URL + ").")
    private String url;

    @Option(
            names = "--token",
            paramLabel = "T",
            description = "Bearer token for the planner (default: $KTX_API_TOKEN, else the local stack's).")
    private String token;

    public PlannerClient client(CliEnvironment environment) {
        return new PlannerClient(httpUri(url(environment)), token(environment));
    }

    private static URI httpUri(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new CliException("the planner URL must be http(s)://host[:port]: " + url);
    }

    /** The option, else the environment, else the token of a stack started with {@code ktx stack up}. */
    private Optional<String> token(CliEnvironment environment) {
        return Optional.ofNullable(token)
                .or(() -> environment.variable(TOKEN_VARIABLE))
                .or(() -> StackEnv.read(StackLayout.of(environment).envFile()).get(StackEnv.API_TOKEN));
    }

    /** The option, else the environment, else the planner of a stack started with {@code ktx stack up}, else the default. */
    String url(CliEnvironment environment) {
        return Optional.ofNullable(url)
                .or(() -> environment.variable(URL_VARIABLE))
                .or(() -> StackEnv.read(StackLayout.of(environment).envFile()).get(StackEnv.PLANNER_URL))
                .orElse(DEFAULT_URL);
    }
}
