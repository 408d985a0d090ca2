package com.civilsafety.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The module graph of docs/architecture.md, enforced: each module depends only on the ones below it, only the engine
 * module talks to Zeebe, and there is no package cycle between modules, inside the engine or inside web-api. The
 * ledger's package cycles that existed when this test was written are frozen (src/test/resources/archunit-store):
 * they may go, none may be added.
 */
@AnalyzeClasses(packages = "com.civilsafety", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule modulesDependDownwardsOnly = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("processes").definedBy("com.civilsafety.processes..")
            .layer("ledger").definedBy("com.civilsafety.ledger..")
            .layer("engine").definedBy("com.civilsafety.engine..")
            .layer("web-api").definedBy("com.civilsafety.api..")
            .layer("app").definedBy("com.civilsafety", "com.civilsafety.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("web-api").mayOnlyBeAccessedByLayers("app")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("web-api", "app")
            .whereLayer("ledger").mayOnlyBeAccessedByLayers("engine", "web-api", "app")
            .whereLayer("processes").mayOnlyBeAccessedByLayers("engine", "web-api", "app");

    @ArchTest
    static final ArchRule onlyTheEngineModuleTalksToZeebe = noClasses()
            .that().resideOutsideOfPackages("com.civilsafety.engine..", "com.civilsafety.processes..")
            .should().dependOnClassesThat().resideInAnyPackage("io.camunda..", "io.grpc..")
            .because("the ledger knows no BPMN, web-api is HTTP only and app is wiring");

    /** The models module reads BPMN files and FEEL expressions; talking to an engine is the engine module's alone. */
    @ArchTest
    static final ArchRule theModelsUseOnlyZeebesModelApi = noClasses()
            .that().resideInAPackage("com.civilsafety.processes..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.camunda..", "io.grpc..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("io.camunda.zeebe.model..",
                            "io.camunda.zeebe.el..", "io.camunda.zeebe.feel.."))));

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("com.civilsafety.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInsideTheEngine = slices().matching("com.civilsafety.engine.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInsideWebApi = slices().matching("com.civilsafety.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noNewCyclesInsideTheLedger =
            FreezingArchRule.freeze(slices().matching("com.civilsafety.ledger.(*)..").should().beFreeOfCycles());
}
