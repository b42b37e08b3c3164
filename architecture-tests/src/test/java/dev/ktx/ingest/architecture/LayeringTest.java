package dev.ktx.ingest.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layering of docs/contributing.md, checked on every module's compiled classes: a plain-Java core and plain-Java
 * connectors, four services that share nothing but the core and the support modules, and no package cycles.
 */
class LayeringTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String[] CONNECTORS = {
        "connectors/http", "connectors/notion", "connectors/metabase", "connectors/dbt", "connectors/postgres"
    };

    static Stream<Arguments> services() {
        return Stream.of(
                arguments("planner-service", "dev.ktx.ingest.planner"),
                arguments("database-ingest-service", "dev.ktx.ingest.database"),
                arguments("source-ingest-service", "dev.ktx.ingest.source"),
                arguments("finalizer-service", "dev.ktx.ingest.finalizer"));
    }

    /** Every module (docs/contributing.md, "Layering"). */
    static Stream<Arguments> acyclicModules() {
        return Stream.concat(
                Stream.concat(
                        services(),
                        Stream.of(
                                arguments("ingest-core", "dev.ktx.ingest.core"),
                                arguments("service-support", "dev.ktx.ingest.service"),
                                arguments("worker-support", "dev.ktx.ingest.worker"),
                                arguments("ktx-cli", "dev.ktx.ingest.cli"),
                                arguments("local-stack", "dev.ktx.ingest.localstack"))),
                Arrays.stream(CONNECTORS)
                        .map(module -> arguments(
                                module, "dev.ktx.ingest.connectors." + module.substring(module.indexOf('/') + 1))));
    }

    @Test
    void theCoreAndTheConnectorsUseNoServiceFramework() {
        String[] modules = Stream.concat(Stream.of("ingest-core"), Arrays.stream(CONNECTORS))
                .toArray(String[]::new);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "io.smallrye..",
                        "jakarta.enterprise..",
                        "jakarta.inject..",
                        "jakarta.ws.rs..",
                        "org.eclipse.microprofile..")
                .because(
                        "the services only wire the plain-Java library and its connectors to Kafka, REST and configuration")
                .check(classesOf(modules));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceUsesNoOtherServiceAndNoConnectorDirectly(String module, String ownPackage) {
        DescribedPredicate<JavaClass> elsewhereInKtx = resideInAPackage("dev.ktx.ingest..")
                .and(DescribedPredicate.not(resideInAnyPackage(
                        ownPackage + "..",
                        "dev.ktx.ingest.core..",
                        "dev.ktx.ingest.service..",
                        "dev.ktx.ingest.worker..")));
        noClasses()
                .should()
                .dependOnClassesThat(elsewhereInKtx)
                .because("services share only ingest-core, service-support and worker-support; connectors come"
                        + " through the core's SPI")
                .check(classesOf(module));
    }

    @Test
    void theCliAndTheLocalStackUseNoTestCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ktx.ingest.testinfra..")
                .because("test-infra is on the CLI's class path only for its tests; `ktx stack` runs what it needs"
                        + " from local-stack")
                .check(classesOf("ktx-cli", "local-stack"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acyclicModules")
    void noPackageCycles(String module, String rootPackage) {
        slices().matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classesOf(module));
    }

    private static JavaClasses classesOf(String... modules) {
        return new ClassFileImporter()
                .importPaths(Arrays.stream(modules)
                        .map(module -> {
                            Path classes = ROOT.resolve(module).resolve("target/classes");
                            if (!Files.isDirectory(classes)) {
                                throw new IllegalStateException(
                                        classes + " does not exist: build " + module + " first");
                            }
                            return classes;
                        })
                        .toList());
    }
}
