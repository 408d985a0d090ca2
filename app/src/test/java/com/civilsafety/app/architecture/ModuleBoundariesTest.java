package com.civilsafety.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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

    /**
     * Ledger services answer in types (records, ids, counts, dates); only the engine module turns them into process
     * variables. The job package is the engine's bookkeeping kept in the ledger's transactions (each step's recorded
     * result, for idempotency and the rebuild), and is the one place a variable map may pass.
     */
    @ArchTest
    static final ArchRule theLedgerAnswersInTypes = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("com.civilsafety.ledger..")
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("com.civilsafety.ledger.job..")
            .and().arePublic()
            .should(new ArchCondition<JavaMethod>("not answer process variables (Map<String, Object>)") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    if (isVariableMap(method.getReturnType())) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " answers Map<String, Object>"));
                    }
                }
            });

    private static boolean isVariableMap(JavaType type) {
        if (!(type instanceof JavaParameterizedType parameterized) || !parameterized.toErasure().isAssignableTo(Map.class)) {
            return false;
        }
        List<JavaType> arguments = parameterized.getActualTypeArguments();
        return arguments.size() == 2 && arguments.get(0).toErasure().isEquivalentTo(String.class)
                && arguments.get(1).toErasure().isEquivalentTo(Object.class);
    }

    /** Element ids and process ids are the engine module's: no ledger source names one. */
    @Test
    void theLedgerNamesNoBpmnElementOrProcess() throws IOException {
        Pattern bpmn = Pattern.compile("\"((Task|Event|Gateway|SubProcess|StartEvent|EndEvent|Flow)_[A-Z]\\w*"
                + "|HazardRectification|WhistleblowerTriage|Campaign|CampaignPhase|CampaignDeliverable|CampaignDispatch)\"");
        Path ledger = Path.of("..", "ledger", "src", "main", "java");
        assertThat(ledger).isDirectory();
        try (Stream<Path> files = Files.walk(ledger)) {
            List<String> found = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(line -> bpmn.matcher(line).find())
                            .map(line -> f.getFileName() + ": " + line.strip());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(found).as("BPMN element or process ids in the ledger").isEmpty();
        }
    }
}
