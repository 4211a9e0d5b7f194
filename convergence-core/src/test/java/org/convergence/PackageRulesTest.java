package org.convergence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules the core's packages keep (each stated in its {@code package-info}), checked over the
 * compiled classes, so that a change that breaks one fails here rather than in a review. The
 * application's packages have theirs in the application's {@code AppPackageRulesTest}.
 */
@AnalyzeClasses(packages = "org.convergence", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    /** The graph reads entities through the store only: nothing of screening, analytics, exposure, the command line or HTTP. */
    @ArchTest
    static final ArchRule graphKeepsToTheStore = noClasses().that().resideInAPackage("org.convergence.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.screening..", "org.convergence.analytics..",
                    "org.convergence.exposure..", "org.convergence.evidence..");

    /** The exposure check uses screening and the graph; nothing of analytics or evidence curation. */
    @ArchTest
    static final ArchRule exposureUsesScreeningAndTheGraphOnly = noClasses().that().resideInAPackage("org.convergence.exposure..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.analytics..", "org.convergence.evidence..");

    /** Screening knows nothing of what is built on it: exposure, analytics. */
    @ArchTest
    static final ArchRule screeningKnowsNothingBuiltOnIt = noClasses().that().resideInAPackage("org.convergence.screening..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.exposure..", "org.convergence.analytics..",
                    "org.convergence.graph..");

    /** The store is below every reader: what it takes in ({@code ImportRequest}) is its own, so imports depend on it, never the reverse. */
    @ArchTest
    static final ArchRule storeDoesNotImportIngest = noClasses().that().resideInAPackage("org.convergence.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.ingest..");

    /** No capability (a top-level package with its sub-packages) depends on itself through others. */
    @ArchTest
    static final ArchRule noCyclesBetweenCapabilities = slices().matching("org.convergence.(*)..").should().beFreeOfCycles();

    /** The core is a library: no command line, HTTP server or web framework. */
    @ArchTest
    static final ArchRule coreHasNoFaces = noClasses().that().resideInAPackage("org.convergence..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.javalin..", "org.eclipse.jetty..", "gg.jte..");
}
