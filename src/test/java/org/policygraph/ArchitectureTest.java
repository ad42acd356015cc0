package org.policygraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The floors, one way: reading → ingest → extract → graph → link → corpus, with the features (api,
 * ask, analyst, upload, cli, evaluate) on top and reference data under everything. No package
 * reaches a floor above its own, and no two packages depend on each other. Only {@code graph} opens
 * sessions and transactions: the other floors and features ask it for data.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.policygraph");

    @Test
    void floorsDependOnlyOnFloorsBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("reference").definedBy("org.policygraph.reference..")
                .layer("reading").definedBy("org.policygraph.reading..")
                .layer("ingest").definedBy("org.policygraph.ingest..")
                .layer("extract").definedBy("org.policygraph.extract..")
                .layer("graph").definedBy("org.policygraph.graph..")
                .layer("link").definedBy("org.policygraph.link..")
                .layer("corpus").definedBy("org.policygraph.corpus..")
                .layer("features").definedBy("org.policygraph.api..", "org.policygraph.ask..",
                        "org.policygraph.analyst..", "org.policygraph.upload..", "org.policygraph.cli..",
                        "org.policygraph.evaluate..", "org.policygraph.http..")
                .layer("application").definedBy("org.policygraph")
                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("features", "application")
                .whereLayer("corpus").mayOnlyBeAccessedByLayers("features", "application")
                .whereLayer("link").mayOnlyBeAccessedByLayers("corpus", "features", "application")
                .whereLayer("graph").mayOnlyBeAccessedByLayers("link", "corpus", "features", "application")
                .whereLayer("extract").mayOnlyBeAccessedByLayers("graph", "link", "corpus", "features", "application")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("extract", "graph", "link", "corpus", "features",
                        "application")
                .whereLayer("reading").mayOnlyBeAccessedByLayers("ingest", "extract", "graph", "link", "corpus",
                        "features", "application")
                .check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.policygraph.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Every statement of the service lives in {@code graph}, behind its one session abstraction. The
     * analyst console is the exception: it runs the analysts' own statements, in read-only transactions
     * it bounds itself.
     */
    @Test
    void onlyGraphOpensSessions() {
        noClasses().that().resideOutsideOfPackages("org.policygraph.graph..", "org.policygraph.analyst..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.driver.Session")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.driver.Transaction")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.neo4j.graphdb.Transaction")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.policygraph.graph.GraphSessions")
                .check(MAIN);
    }

    /**
     * graph answers the API in its own terms (a {@code Selection} of fields, a request's {@code Prefetch}):
     * the API turns GraphQL's types into those, and graph does not know GraphQL.
     */
    @Test
    void graphDoesNotDependOnGraphQl() {
        noClasses().that().resideInAPackage("org.policygraph.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("graphql..")
                .check(MAIN);
    }
}
