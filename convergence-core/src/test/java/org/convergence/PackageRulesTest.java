package org.convergence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules the core's packages keep (each stated in its {@code package-info}), checked over the
 * compiled classes, so that a change that breaks one fails here rather than in a review. The rules of
 * issue 18 that the code does not keep yet (no package cycle, {@code store} not importing {@code ingest})
 * are added here when the moves land.
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

    /** The core is a library: no command line, HTTP server or web framework. */
    @ArchTest
    static final ArchRule coreHasNoFaces = noClasses().that().resideInAPackage("org.convergence..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.javalin..", "org.eclipse.jetty..", "gg.jte..");
}
