package dev.ktx.ingest.planner;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Secure by default ({@code ktx.planner.auth=token}): every API call needs the bearer token; probes do not. */
@QuarkusTest
@TestProfile(BearerTokenTest.WithToken.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(RedisResource.class)
class BearerTokenTest {

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ktx.planner.auth", "token", "ktx.planner.api-token", "s3cret");
        }
    }

    @Test
    void writesAndReadsWithoutTheTokenAreRejectedAndWithItAreChecked() {
        given().contentType(ContentType.JSON).body("{\"all\":true}").when().post("/api/ingests")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body("{\"all\":true}")
                .when().post("/api/ingests").then().statusCode(401);
        given().when().get("/api/ingests/no-such-run").then().statusCode(401);
        given().when().get("/api/ingests/no-such-run/trace").then().statusCode(401);

        given().contentType(ContentType.JSON).header("Authorization", "Bearer s3cret").body("{\"all\":true}")
                .when().post("/api/ingests").then().statusCode(400);
        given().header("Authorization", "Bearer s3cret").when().get("/api/ingests/no-such-run").then().statusCode(404);
    }

    @Test
    void healthAndMetricsStayOpenForProbesAndScrapers() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
