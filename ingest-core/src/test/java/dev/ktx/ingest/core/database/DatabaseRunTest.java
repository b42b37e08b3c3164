package dev.ktx.ingest.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.config.PostgresUrlSetting;
import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.core.config.SecretRef;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.connector.DatabaseConnector;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.job.JobOutcome;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.source.SourceRepo;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseRunTest {

    private static final String ERROR = "postgres connection warehouse: cannot read the catalog: permission denied";
    private static final ConnectionConfig WAREHOUSE = new PostgresConnection(
            "warehouse",
            new PostgresUrlSetting.Referenced(new SecretRef.Env("WAREHOUSE_URL")),
            List.of(),
            List.of(),
            new QueryHistorySettings(true, 5));

    @TempDir
    Path dir;

    private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    private LocalContextRepository repo;

    @BeforeEach
    void createRepo() {
        repo = SourceRepo.create(dir.resolve("context.git"), "accounts");
    }

    @AfterEach
    void closeRepo() {
        repo.close();
    }

    @Test
    void aSchemaThatCannotBeReadFailsTheTargetAndLeavesTheSessionWithASentinelNamingTheError() {
        SessionId session = new SessionId("run-1", "warehouse");
        String base = repo.openSession(session);

        JobOutcome outcome = new DatabaseRun(repo, trace::add, Clock.systemUTC())
                .run(session, WAREHOUSE, new DatabaseIngest(new FailingCatalog(), name -> "unused"), "job-1");

        assertThat(outcome).isInstanceOf(JobOutcome.Failed.class);
        assertThat(outcome.result().steps())
                .containsExactly(
                        new StepResult(Step.DATABASE_SCHEMA, StepStatus.FAILED, ERROR),
                        StepResult.notRun(Step.QUERY_HISTORY));
        assertThat(repo.sessionHead(session)).contains(base);
        Sentinel sentinel = repo.sentinel(session).orElseThrow();
        assertThat(sentinel.outcome()).isEqualTo(Sentinel.Outcome.crash);
        assertThat(sentinel.baseSha()).isEqualTo(base);
        assertThat(sentinel.error()).isEqualTo(ERROR);
        assertThat(trace).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo(TraceEvents.SESSION_FAILED);
            assertThat(event.phase()).isEqualTo(Step.DATABASE_SCHEMA.wireName());
        });
    }

    /** Opens, then cannot read the catalog, as a role without the needed grants. */
    private static final class FailingCatalog implements DatabaseConnector {

        @Override
        public Driver driver() {
            return Driver.POSTGRES;
        }

        @Override
        public DatabaseSession open(ConnectionConfig connection, SecretResolver secrets) {
            return new DatabaseSession() {
                @Override
                public DatabaseCatalog catalog() {
                    throw DatabaseIngestException.of(connection.id(), "cannot read the catalog: permission denied");
                }

                @Override
                public QueryHistoryOutcome queryHistory(DatabaseCatalog catalog) {
                    throw new AssertionError("query history read after a failed catalog");
                }

                @Override
                public void close() {}
            };
        }
    }
}
