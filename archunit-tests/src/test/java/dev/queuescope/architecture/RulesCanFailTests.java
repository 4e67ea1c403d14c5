package dev.queuescope.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Every rule of {@link ShopRules}, and Modulith's own verification, reports the one violation planted in its
 * fixture package (see {@code fixtures}). Without these, a rule that silently matches nothing would pass
 * {@link ArchitectureTests} forever.
 */
class RulesCanFailTests {

    @Test
    void moduleCycleIsReported() {
        var violations = violations(ShopRules.noCyclesBetweenModules("fixtures.cycle"), "fixtures.cycle");

        assertThat(violations).anySatisfy(violation -> assertThat(violation)
                .contains(fixtures.cycle.a.Alpha.class.getName(), fixtures.cycle.b.Beta.class.getName()));
    }

    @Test
    void accessToAnotherModulesInternalsIsReported() {
        var violations = violations(ShopRules.noAccessToAnotherModulesInternals("fixtures.internals"),
                "fixtures.internals");

        assertThat(violations)
                .anySatisfy(violation -> assertThat(violation).contains(fixtures.internals.a.Intruder.class.getName()))
                .noneSatisfy(violation -> assertThat(violation).contains(fixtures.internals.b.Facade.class.getName()));
    }

    @Test
    void controllerOutsideInternalWebIsReported() {
        var violations = violations(ShopRules.CONTROLLERS_RESIDE_IN_INTERNAL_WEB, "fixtures.controllers");

        assertThat(violations)
                .anySatisfy(violation -> assertThat(violation).contains(fixtures.controllers.StrayController.class.getName()))
                .noneSatisfy(violation -> assertThat(violation)
                        .contains(fixtures.controllers.internal.web.PlacedController.class.getName()));
    }

    @Test
    void fieldInjectionIsReported() {
        var violations = violations(ShopRules.NO_FIELD_INJECTION, "fixtures.fieldinjection");

        assertThat(violations)
                .anySatisfy(violation -> assertThat(violation).contains(fixtures.fieldinjection.FieldInjected.class.getName()))
                .noneSatisfy(violation -> assertThat(violation)
                        .contains(fixtures.fieldinjection.ConstructorInjected.class.getName()));
    }

    @Test
    void writingToSystemOutIsReported() {
        var violations = violations(ShopRules.NO_STANDARD_STREAMS, "fixtures.stdout");

        assertThat(violations).anySatisfy(violation -> assertThat(violation)
                .contains(fixtures.stdout.ConsolePrinter.class.getName(), "System.out"));
    }

    @Test
    void printingStackTraceIsReported() {
        var violations = violations(ShopRules.NO_STANDARD_STREAMS, "fixtures.stacktrace");

        assertThat(violations).anySatisfy(violation -> assertThat(violation)
                .contains(fixtures.stacktrace.StackTracePrinter.class.getName(), "printStackTrace"));
    }

    @Test
    void modulithVerificationReportsUseOfAnotherModulesInternalType() {
        // Modulith skips test classes by default, and the fixtures are test classes.
        var modules = ApplicationModules.of("fixtures.modulith", new ImportOption.OnlyIncludeTests());

        assertThatThrownBy(modules::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining(fixtures.modulith.b.internal.Hidden.class.getName());
    }

    private static List<String> violations(ArchRule rule, String fixturePackage) {
        var fixture = new ClassFileImporter().importPackages(fixturePackage);
        return rule.evaluate(fixture).getFailureReport().getDetails();
    }
}
