package dev.ffbench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's layering, checked on its compiled classes: no package cycle; the harness stages in one
 * direction (io below all; matrix, results, then forks and gates; outputs above gates; the facade on
 * top); the code a fork runs knows no harness stage; nothing knows Maven. Each rule is built for a root
 * package, so that the same rule is also shown to fail on a small fixture under src/test
 * ({@code dev.ffbench.archfixture}) that breaks it: a rule that cannot fail would prove nothing.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.ffbench";

    /** The training code and the command line a fork runs: below every harness stage. */
    private static final List<String> FORKED_CODE = List.of("api", "experiment", "ff", "recurrent", "backprop", "nn",
            "memory", "goodness", "dataset", "platform", "cli");

    /** The harness stages, bottom to top (io, below them, is shared by every package). */
    private static final List<String> STAGES = List.of("matrix", "results", "fork", "gate", "output", "harness");

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT + ".archfixture");

    /** No cycle among the packages right below {@code root}. */
    static ArchRule noPackageCycle(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Each harness stage is used only by the stages above it. */
    static LayeredArchitecture stagesPointDown(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("io").definedBy(root + ".io..")
                .layer("matrix").definedBy(root + ".matrix..")
                .layer("results").definedBy(root + ".results..")
                .layer("fork").definedBy(root + ".fork..")
                .layer("gate").definedBy(root + ".gate..")
                .layer("output").definedBy(root + ".output..")
                .layer("harness").definedBy(root + ".harness..")
                .whereLayer("harness").mayNotBeAccessedByAnyLayer()
                .whereLayer("output").mayOnlyBeAccessedByLayers("harness")
                .whereLayer("gate").mayOnlyBeAccessedByLayers("output", "harness")
                .whereLayer("fork").mayOnlyBeAccessedByLayers("harness")
                .whereLayer("results").mayOnlyBeAccessedByLayers("fork", "gate", "output", "harness")
                .whereLayer("matrix").mayOnlyBeAccessedByLayers("results", "fork", "gate", "output", "harness");
    }

    /** The training code and the engine's command line know no harness stage: a fork runs them alone. */
    static ArchRule forkedCodeKnowsNoHarnessStage(String root) {
        return noClasses().that().resideInAnyPackage(packages(root, FORKED_CODE))
                .should().dependOnClassesThat().resideInAnyPackage(packages(root, STAGES));
    }

    /** The shared I/O helpers use no other package of the engine, so that every package may use them. */
    static ArchRule ioUsesNoOtherPackage(String root) {
        return classes().that().resideInAPackage(root + ".io..")
                .should().onlyDependOnClassesThat(not(resideInAPackage(root + "..")).or(resideInAPackage(root + ".io..")));
    }

    /** The engine knows no Maven type: the plugin's mojos bind parameters and call it. */
    static ArchRule knowsNoMaven(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.maven..");
    }

    private static String[] packages(String root, List<String> names) {
        return names.stream().map(name -> root + "." + name + "..").toArray(String[]::new);
    }

    @Test
    void theEnginesPackagesFormNoCycle() {
        noPackageCycle(ROOT).check(ENGINE);
    }

    @Test
    void eachHarnessStageIsUsedOnlyByTheStagesAboveIt() {
        stagesPointDown(ROOT).check(ENGINE);
    }

    @Test
    void theTrainingCodeAndTheCommandLineKnowNoHarnessStage() {
        forkedCodeKnowsNoHarnessStage(ROOT).check(ENGINE);
    }

    @Test
    void theIoHelpersUseNoOtherPackage() {
        ioUsesNoOtherPackage(ROOT).check(ENGINE);
    }

    @Test
    void theEngineKnowsNoMaven() {
        knowsNoMaven(ROOT).check(ENGINE);
    }

    @Test
    void theCycleRuleFailsOnTwoPackagesThatUseEachOther() {
        EvaluationResult result = noPackageCycle(ROOT + ".archfixture").evaluate(FIXTURE);

        assertTrue(result.hasViolation(), "the fixture's gate and harness use each other");
        List<String> details = result.getFailureReport().getDetails();
        assertEquals(1, details.size(), String.join("\n", details));
        String cycle = details.get(0).replaceAll("\\s+", " ");
        assertTrue(cycle.startsWith("Cycle detected: Slice gate -> Slice harness -> Slice gate"), cycle);
        assertTrue(cycle.contains("Method <dev.ffbench.archfixture.gate.FixtureVerdict.facadeName()> calls method"
                + " <dev.ffbench.archfixture.harness.FixtureFacade.name()>"), cycle);
    }

    @Test
    void theLayeringRuleFailsOnAGateThatUsesTheFacade() {
        EvaluationResult result = stagesPointDown(ROOT + ".archfixture").withOptionalLayers(true).evaluate(FIXTURE);

        // the facade's use of the gate is allowed: the one violation is the gate pointing back up
        List<String> details = result.getFailureReport().getDetails();
        assertEquals(1, details.size(), String.join("\n", details));
        assertTrue(details.get(0).contains("FixtureVerdict") && details.get(0).contains("FixtureFacade"), details.get(0));
    }

    @Test
    void theTrainingRuleFailsOnAModelThatUsesAResultsClass() {
        EvaluationResult result = forkedCodeKnowsNoHarnessStage(ROOT + ".archfixture").evaluate(FIXTURE);

        // two dependencies (the constructor call and the return type), both of the model on the record
        List<String> details = result.getFailureReport().getDetails();
        assertEquals(2, details.size(), String.join("\n", details));
        for (String detail : details) {
            assertTrue(detail.startsWith("Method <dev.ffbench.archfixture.ff.FixtureModel.trained()>")
                    && detail.contains("<dev.ffbench.archfixture.results.FixtureRecord"), detail);
        }
    }
}
