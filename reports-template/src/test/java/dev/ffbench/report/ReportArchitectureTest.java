package dev.ffbench.report;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The report renders what the engine computed: it knows no Maven type (the plugin's site mojo calls it)
 * and of the engine only the types it renders (results, gates, outputs, the result a cell holds and the
 * shared I/O helpers), never the harness facade, the forks or the matrix.
 */
class ReportArchitectureTest {
    private static final JavaClasses REPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ffbench.report");

    @Test
    void theReportKnowsNoMaven() {
        noClasses().that().resideInAPackage("dev.ffbench.report..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.maven..").check(REPORT);
    }

    @Test
    void theReportKnowsOnlyTheEngineTypesItRenders() {
        classes().that().resideInAPackage("dev.ffbench.report..")
                .should().onlyDependOnClassesThat(not(resideInAPackage("dev.ffbench..")).or(resideInAnyPackage(
                        "dev.ffbench.report..", "dev.ffbench.results..", "dev.ffbench.gate..", "dev.ffbench.output..",
                        "dev.ffbench.io..", "dev.ffbench.experiment..", "dev.ffbench.api..", "dev.ffbench.memory..")))
                .check(REPORT);
    }
}
