package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples are grouped by the module the service published, and by package where it published none. */
class ModuleMapTests {

    @TempDir
    Path run;

    @Test
    void aStackBelongsToTheInnermostFrameAModuleOwns() throws Exception {
        Files.writeString(run.resolve("modules.json"), """
                {"catalog": {"basePackage": "dev.queuescope.catalog"},
                 "orders": {"basePackage": "dev.queuescope.orders"}}""");

        ModuleMap modules = ModuleMap.read(run.resolve("modules.json"));

        assertThat(modules.ownerOf(List.of("org.postgresql.core.PGStream.receive",
                "dev.queuescope.catalog.internal.ProductRepository.find", "dev.queuescope.orders.internal.X.y")))
                .isEqualTo("catalog");
    }

    @Test
    void theShopsOwnMethodInAStackIsItsInnermostFrameAModuleOwns() throws Exception {
        Files.writeString(run.resolve("modules.json"), """
                {"catalog": {"basePackage": "dev.queuescope.catalog"}}""");

        ModuleMap modules = ModuleMap.read(run.resolve("modules.json"));

        assertThat(modules.innermostOwned(List.of("java.lang.String.compareTo",
                "dev.queuescope.catalog.internal.lab.CpuBurnProductRepository.selectionSort",
                "dev.queuescope.catalog.internal.web.ProductController.list")))
                .isEqualTo("dev.queuescope.catalog.internal.lab.CpuBurnProductRepository.selectionSort");
        assertThat(modules.innermostOwned(List.of("java.lang.String.compareTo"))).isNull();
    }

    @Test
    void withoutAPublishedStructureAStackBelongsToItsInnermostPackage() throws Exception {
        ModuleMap modules = ModuleMap.read(run.resolve("modules.json"));

        assertThat(modules.ownerOf(List.of("org.postgresql.core.PGStream.receive"))).isEqualTo("org.postgresql.core");
    }
}
