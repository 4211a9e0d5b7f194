package org.convergence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules the server's packages keep: the API and the workbench are two faces over the same core and never import
 * each other; what every request goes through ({@code http}) depends on neither; only the composition root
 * ({@code server}) and the command line that starts it know all of them.
 */
@AnalyzeClasses(packages = "org.convergence", importOptions = AppPackageRulesTest.ProductionClassesOnly.class)
class AppPackageRulesTest {
    /**
     * The production classes of the application and the core: not their tests, whether compiled in a folder or, as the core's
     * shared test helpers reach the application's tests in a full build, packed in the core's test jar.
     */
    static final class ProductionClassesOnly implements ImportOption {
        private final ImportOption notInTestFolders = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return notInTestFolders.includes(location) && !location.contains("-tests.jar");
        }
    }


    @ArchTest
    static final ArchRule apiDoesNotImportTheWorkbench = noClasses().that().resideInAPackage("org.convergence.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.web..", "org.convergence.server..", "org.convergence.cli..");

    @ArchTest
    static final ArchRule workbenchDoesNotImportTheApi = noClasses().that().resideInAPackage("org.convergence.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.api..", "org.convergence.server..", "org.convergence.cli..");

    /**
     * No capability (a top-level package with its sub-packages) depends on itself through others. Within one, a registry may
     * name its parts (the lists' {@code ListSource} names each list's reader, which uses the lists' shared types).
     */
    @ArchTest
    static final ArchRule noCyclesBetweenCapabilities = slices().matching("org.convergence.(*)..").should().beFreeOfCycles();

    /** The command line starts the server through its composition root and knows neither face. */
    @ArchTest
    static final ArchRule commandLineKnowsNeitherFace = noClasses().that().resideInAPackage("org.convergence.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.api..", "org.convergence.web..");

    @ArchTest
    static final ArchRule requestHandlingKnowsNeitherFace = noClasses().that().resideInAPackage("org.convergence.http..")
            .should().dependOnClassesThat().resideInAnyPackage("org.convergence.api..", "org.convergence.web..", "org.convergence.server..",
                    "org.convergence.cli..");
}
