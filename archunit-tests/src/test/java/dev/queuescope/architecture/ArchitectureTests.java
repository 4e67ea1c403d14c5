package dev.queuescope.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop's production classes (the module jars) obey {@link ShopRules}. */
class ArchitectureTests {

    private static JavaClasses shop;

    @BeforeAll
    static void importShop() {
        shop = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ShopRules.SHOP);
    }

    @Test
    void modulesDoNotDependOnEachOtherInCycles() {
        ShopRules.NO_CYCLES_BETWEEN_MODULES.check(shop);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        ShopRules.NO_ACCESS_TO_ANOTHER_MODULES_INTERNALS.check(shop);
    }

    @Test
    void controllersResideInInternalWeb() {
        ShopRules.CONTROLLERS_RESIDE_IN_INTERNAL_WEB.check(shop);
    }

    @Test
    void dependenciesAreNotInjectedIntoFields() {
        ShopRules.NO_FIELD_INJECTION.check(shop);
    }

    @Test
    void nothingWritesToStandardStreams() {
        ShopRules.NO_STANDARD_STREAMS.check(shop);
    }
}
