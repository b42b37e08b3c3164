package dev.ktx.ingest.planner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secure by default ({@code ktx.planner.auth=token}): every API call needs the bearer token; probes do not. */
@QuarkusTest
@TestProfile(BearerTokenIT.WithToken.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class BearerTokenIT {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ktx.planner.auth", "token", "ktx.planner.api-token", "s3cret");
        }
    }

    @Test
    void writesAndReadsWithoutTheTokenAreRejectedAndWithItAreChecked() {
        given().contentType(ContentType.JSON)
                .body("{\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer wrong")
                .body("{\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(401);
        given().when().get("/api/ingests/no-such-run").then().statusCode(401);
        given().when().get("/api/ingests/no-such-run/trace").then().statusCode(401);

        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer s3cret")
                .body("{\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(400);
        given().header("Authorization", "Bearer s3cret")
                .when()
                .get("/api/ingests/no-such-run")
                .then()
                .statusCode(404);
    }

    /** Every operation of the planner's OpenAPI document, so that an endpoint added later is covered too. */
    @Test
    void everyDocumentedEndpointAnswers401WithoutTheToken() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> checked = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> {
                    String concrete = path.replaceAll("\\{[^}]+}", "x");
                    given().contentType(ContentType.JSON)
                            .body("{}")
                            .when()
                            .request(method.toUpperCase(Locale.ROOT), concrete)
                            .then()
                            .statusCode(401);
                    given().contentType(ContentType.JSON)
                            .header("Authorization", "Bearer wrong")
                            .body("{}")
                            .when()
                            .request(method.toUpperCase(Locale.ROOT), concrete)
                            .then()
                            .statusCode(401);
                    checked.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }));
        assertThat(checked).contains("POST /api/ingests", "GET /api/ingests/{runId}", "GET /api/ingests/{runId}/trace");
    }

    @Test
    void healthAndMetricsStayOpenForProbesAndScrapers() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
