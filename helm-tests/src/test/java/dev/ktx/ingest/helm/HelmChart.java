package dev.ktx.ingest.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The chart under test, rendered and linted by the Helm embedded in helm-java (offline). */
final class HelmChart {

    static final Path DIR =
            Path.of("..", "deploy", "helm", "ktx-ingest").toAbsolutePath().normalize();
    static final String RELEASE = "ktx";
    /** Prefix of the resource names: the release name. */
    static final String FULLNAME = RELEASE;

    static final List<String> SERVICES =
            List.of("planner-service", "database-ingest-service", "source-ingest-service", "finalizer-service");

    private static final Path VALUES = Path.of("src", "test", "resources", "values");

    private HelmChart() {}

    /** {@code helm template} with these files of src/test/resources/values, in order. */
    static Manifests render(String... valuesFiles) {
        return render(Map.of(), valuesFiles);
    }

    /** {@code helm template} with these values files and then these {@code --set} values. */
    static Manifests render(Map<String, Object> set, String... valuesFiles) {
        TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace("ktx");
        for (String file : valuesFiles) {
            template = template.withValuesFile(valuesFile(file));
        }
        for (Map.Entry<String, Object> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return Manifests.parse(template.call());
    }

    /**
     * {@code helm lint --strict} of the chart with its own values.yaml. Lint renders in Helm's lint mode, where
     * {@code required} and {@code fail} only log, so the required values need not be set.
     */
    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    /** The chart's own values.yaml. */
    static Map<String, Object> values() {
        try {
            return new Yaml().load(Files.readString(DIR.resolve("values.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path valuesFile(String name) {
        return VALUES.resolve(name).toAbsolutePath();
    }
}
