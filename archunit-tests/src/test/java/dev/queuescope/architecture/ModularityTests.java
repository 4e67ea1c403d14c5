package dev.queuescope.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Spring Modulith's verification of the shop's modules, and the module documentation in docs/modules. */
class ModularityTests {

    // From the module jars by root package: the @Modulithic application class is in a repackaged Boot jar.
    private static final ApplicationModules MODULES = ApplicationModules.of(ShopRules.SHOP);

    // Maven passes the repository's docs/modules; a run from an IDE in this module's directory finds the same.
    private static final Path DOCS = Path.of(System.getProperty("docs.dir", "../docs/modules"));

    @Test
    void modulesOnlyUseEachOthersApiAndAllowedDependencies() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        deleteGeneratedDocumentation();

        // Without clean: the Documenter would otherwise wipe the whole folder, the hand-written README included.
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()).withoutClean())
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        sortRelationsOfPlantUmlDiagrams();
        Files.writeString(DOCS.resolve("modules.md"), MermaidModuleDiagram.markdown(MODULES));

        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        assertThat(DOCS.resolve("all-docs.adoc")).isNotEmptyFile();
        MODULES.forEach(module -> {
            assertThat(DOCS.resolve("module-%s.puml".formatted(module.getIdentifier()))).isNotEmptyFile();
            assertThat(DOCS.resolve("module-%s.adoc".formatted(module.getIdentifier()))).isNotEmptyFile();
        });
        assertThat(DOCS.resolve("modules.md")).content().contains("```mermaid")
                .contains(MODULES.stream().map(ApplicationModule::getDisplayName).toList());
    }

    // Diagrams of a module that was renamed or removed would otherwise linger in the repository.
    private static void deleteGeneratedDocumentation() throws IOException {
        if (!Files.isDirectory(DOCS)) {
            return;
        }
        try (var files = Files.list(DOCS)) {
            for (Path file : files.filter(ModularityTests::isGenerated).toList()) {
                Files.delete(file);
            }
        }
    }

    // The Documenter emits relations in hash order; sorted, an unchanged model gives byte-identical files.
    private static void sortRelationsOfPlantUmlDiagrams() throws IOException {
        try (var files = Files.list(DOCS)) {
            for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(diagram);
                List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
                List<String> sorted = new ArrayList<>(lines.stream().filter(l -> !l.startsWith("Rel(")).toList());
                if (!relations.isEmpty()) {
                    sorted.addAll(firstRelationIndex(lines), relations);
                }
                Files.write(diagram, sorted);
            }
        }
    }

    private static int firstRelationIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Rel(")) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean isGenerated(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".puml") || name.endsWith(".adoc") || name.equals("modules.md");
    }
}
