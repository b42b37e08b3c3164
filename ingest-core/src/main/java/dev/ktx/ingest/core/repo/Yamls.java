package dev.ktx.ingest.core.repo;

import dev.ktx.ingest.core.input.YamlLoaders;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML set up once for every YAML artifact: safe loading without duplicate keys, and a writer whose output
 * depends only on its input (block style, LF, no line folding, multi-line strings as literal blocks). Callers pass
 * insertion-ordered maps for records and sorted maps for data, so key order is fixed too.
 * <p>Loading uses YAML 1.2 core-schema typing, so hand-written {@code on:}, {@code yes} or {@code 2026-01-01} stay
 * strings; writing keeps SnakeYAML's YAML 1.1 quoting ({@code 'on':}) so that 1.1 readers agree.
 */
final class Yamls {

    /** Manifest shards of wide schemas are large; SnakeYAML's 3 MB default would reject them. */
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private Yamls() {}

    /**
     * Building a {@link Yaml} costs more than loading or dumping a small artifact (a refresh merges many), and one
     * instance must not be shared between threads: one of each per thread.
     */
    private static final ThreadLocal<Yaml> LOADER = ThreadLocal.withInitial(Yamls::loader);

    private static final ThreadLocal<Yaml> DUMPER = ThreadLocal.withInitial(Yamls::dumper);

    /** The loaded document, or {@link ArtifactFormatException} {@code malformed YAML ...} on one line. */
    static Object load(String text) {
        try {
            return LOADER.get().load(text);
        } catch (MarkedYAMLException e) {
            String at = e.getProblemMark() == null
                    ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column "
                            + (e.getProblemMark().getColumn() + 1);
            throw new ArtifactFormatException("malformed YAML" + at + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ArtifactFormatException(
                    "malformed YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static String dump(Map<String, ?> document) {
        return DUMPER.get().dump(document);
    }

    private static Yaml loader() {
        LoaderOptions options = YamlLoaders.options();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                new CoreSchemaResolver());
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(new LiteralStringRepresenter(options), options);
    }

    /** Only {@code true}/{@code false} are booleans, and there are no implicit timestamps or merge keys. */
    private static final class CoreSchemaResolver extends Resolver {

        private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.YAML, YAML, "!&*");
        }
    }

    /** Multi-line prose (descriptions, SQL) stays readable and diffable as a {@code |} block. */
    private static final class LiteralStringRepresenter extends Representer {

        LiteralStringRepresenter(DumperOptions options) {
            super(options);
            Represent defaultString = representers.get(String.class);
            representers.put(
                    String.class,
                    data -> ((String) data).indexOf('\n') >= 0
                            ? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL)
                            : defaultString.representData(data));
        }
    }
}
