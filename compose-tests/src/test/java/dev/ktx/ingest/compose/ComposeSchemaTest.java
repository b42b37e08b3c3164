package dev.ktx.ingest.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-compose.yml against the Compose Specification schema (src/test/resources/README.md says where it is from). */
class ComposeSchemaTest {

    /** Draft 7 plus the annotation {@code deprecated} that the Compose schema uses (else a warning per load). */
    private static final Dialect DRAFT_7 = Dialect.builder(Dialects.getDraft7())
            .keyword(new AnnotationKeyword("deprecated"))
            .build();

    private static final Schema COMPOSE_SPEC =
            SchemaRegistry.withDefaultDialect(DRAFT_7).getSchema(SchemaLocation.of("classpath:compose-spec.json"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void composeFileFollowsTheSpecification() {
        assertThat(errors(ComposeFile.load().root())).isEmpty();
    }

    @Test
    void hasNoTopLevelName() {
        // docker-compose 1.x (still packaged by Debian) rejects it; the directory name is the project name
        assertThat(ComposeFile.load().root()).doesNotContainKey("name");
    }

    @Test
    void schemaRejectsWhatComposeRejects() {
        Map<String, Object> broken = RepoFiles.parseYaml("""
                services:
                  app:
                    image: example
                    depends_on:
                      db:
                        condition: sometimes
                """);

        assertThat(errors(broken)).extracting(Error::getKeyword).contains("enum");
        assertThat(errors(RepoFiles.parseYaml("services:\n  app:\n    imgae: example\n")))
                .extracting(Error::getKeyword)
                .containsExactly("additionalProperties");
    }

    private static List<Error> errors(Map<String, Object> compose) {
        JsonNode tree = JSON.valueToTree(compose);
        return COMPOSE_SPEC.validate(tree);
    }
}
