package dev.ktx.ingest.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The images (not built here: no Docker engine): non-root, health-checked, the Quarkus fast-jar layout. */
class DockerfilesTest {

    private static final List<String> SERVICES = ComposeFile.KTX_SERVICES;
    /** The one Dockerfile of the four services. */
    private static final String SERVICE_DOCKERFILE = "deploy/docker/service.Dockerfile";

    @Test
    void serviceImageRunsTheFastJarAsNonRootWithAHealthCheck() {
        List<String> dockerfile = instructions(SERVICE_DOCKERFILE);

        assertNonRootUser(dockerfile);
        assertThat(dockerfile)
                .contains(
                        "ARG HTTP_PORT_VARIABLE",
                        "ARG HTTP_PORT",
                        "COPY target/quarkus-app/lib/ lib/",
                        "COPY target/quarkus-app/*.jar ./",
                        "COPY target/quarkus-app/app/ app/",
                        "COPY target/quarkus-app/quarkus/ quarkus/",
                        "ENV ${HTTP_PORT_VARIABLE}=${HTTP_PORT} KTX_HTTP_PORT_VARIABLE=${HTTP_PORT_VARIABLE}",
                        "EXPOSE ${HTTP_PORT}");
        // the port at run time: the value of the variable the service reads it from
        assertThat(dockerfile)
                .filteredOn(line -> line.startsWith("HEALTHCHECK "))
                .singleElement()
                .asString()
                .contains("curl", "http://localhost:$(printenv \"$KTX_HTTP_PORT_VARIABLE\")/q/health/ready");
        assertThat(dockerfile)
                .filteredOn(line -> line.startsWith("ENTRYPOINT "))
                .singleElement()
                .asString()
                .contains("\"-jar\", \"quarkus-run.jar\"");
        // the shared repo volume's mount point, writable by that user
        assertThat(dockerfile).anySatisfy(line -> assertThat(line).contains("mkdir /repos && chown ktx:ktx /repos"));
        // the cache of mirrors of remote repositories (KTX_REPOS_CACHE of the profile git), likewise
        assertThat(dockerfile)
                .anySatisfy(line -> assertThat(line)
                        .contains("mkdir -p /var/cache/ktx/repos && chown ktx:ktx /var/cache/ktx/repos"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void composeBuildsEachServiceFromTheServiceDockerfileWithItsHttpPort(String service) {
        Map<String, Object> build = ComposeFile.map(ComposeFile.load().service(service), "build");
        ServiceProperties properties = ServiceProperties.of(service);
        String port = properties.properties().getProperty("quarkus.http.port").replaceAll(".*:(\\d+)}$", "$1");

        assertThat(RepoFiles.path(build.get("context") + "/" + build.get("dockerfile"))
                        .normalize())
                .isEqualTo(RepoFiles.path(SERVICE_DOCKERFILE));
        assertThat(ComposeFile.map(build, "args"))
                .containsEntry("HTTP_PORT_VARIABLE", properties.httpPortVariable())
                .containsEntry("HTTP_PORT", port);
    }

    @Test
    void cliImageRunsTheCliMainClassAsNonRoot() throws ClassNotFoundException {
        List<String> dockerfile = instructions("ktx-cli/src/main/docker/Dockerfile");

        assertNonRootUser(dockerfile);
        assertThat(dockerfile)
                .contains("COPY target/dependency/ /opt/ktx/lib/", "COPY target/ktx-cli-*.jar /opt/ktx/lib/");
        assertThat(dockerfile)
                .filteredOn(line -> line.startsWith("ENTRYPOINT "))
                .singleElement()
                .asString()
                .contains(
                        "\"-cp\", \"/opt/ktx/lib/*\"",
                        "\"" + Class.forName("dev.ktx.ingest.cli.Ktx").getName() + "\"");
    }

    private static void assertNonRootUser(List<String> dockerfile) {
        assertThat(dockerfile)
                .filteredOn(line -> line.startsWith("USER "))
                .last()
                .asString()
                .isNotIn("USER root", "USER 0");
    }

    /** The instructions, one per element: comments dropped, continuation lines joined. */
    private static List<String> instructions(String path) {
        String joined = RepoFiles.read(path).replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n\\s*", "");
        return Arrays.stream(joined.split("\\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
