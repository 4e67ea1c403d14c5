package dev.queuescope.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Optional;
import org.springframework.stereotype.Controller;

/**
 * The shop's architecture rules beyond what Spring Modulith verifies, each defined once. Rules that
 * depend on where the modules live are factories taking the root package, so that
 * {@code RulesCanFailTests} can run the very same rule against fixtures outside the shop.
 */
final class ShopRules {

    static final String SHOP = "dev.queuescope";

    static final ArchRule NO_CYCLES_BETWEEN_MODULES = noCyclesBetweenModules(SHOP);

    static final ArchRule NO_ACCESS_TO_ANOTHER_MODULES_INTERNALS = noAccessToAnotherModulesInternals(SHOP);

    // Meta-annotated covers @Controller itself, @RestController and any composed stereotype.
    static final ArchRule CONTROLLERS_RESIDE_IN_INTERNAL_WEB = classes()
            .that().areMetaAnnotatedWith(Controller.class)
            .should().resideInAPackage("..internal.web..")
            .because("HTTP is an adapter of a module, not part of its API");

    // Covers @Autowired, @Value, @Inject (javax, jakarta, Guice) and @Resource on fields.
    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    // Covers System.out, System.err and Throwable.printStackTrace(): all bypass Log4j2.
    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    private ShopRules() {
    }

    /** Modules are the direct sub-packages of {@code rootPackage}; none may depend on itself through others. */
    static ArchRule noCyclesBetweenModules(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("module $1")
                .should().beFreeOfCycles();
    }

    /**
     * Code outside a module, whether in another module or in the application, reaches the module through its
     * API package only: its {@code internal} packages, jOOQ tables in {@code internal.db} included, are private.
     */
    static ArchRule noAccessToAnotherModulesInternals(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..")
                .should(onlyHaveDependenciesWhere(notIntoAnotherModulesInternals(rootPackage)))
                .because("a module's internals may change without notice to other modules");
    }

    private static DescribedPredicate<Dependency> notIntoAnotherModulesInternals(String rootPackage) {
        var anyModule = PackageMatcher.of(rootPackage + ".(*)..");
        var moduleInternals = PackageMatcher.of(rootPackage + ".(*).internal..");
        return DescribedPredicate.describe("the target is not in another module's internal packages", dependency -> {
            Optional<String> targetModule = moduleInternals.match(dependency.getTargetClass().getPackageName())
                    .map(match -> match.getGroup(1));
            Optional<String> originModule = anyModule.match(dependency.getOriginClass().getPackageName())
                    .map(match -> match.getGroup(1));
            return targetModule.isEmpty() || targetModule.equals(originModule);
        });
    }
}
