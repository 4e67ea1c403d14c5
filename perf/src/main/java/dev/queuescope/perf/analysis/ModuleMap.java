package dev.queuescope.perf.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Package → application module, from the {@code modules.json} the service published (Spring
 * Modulith's module structure: {@code {"<module>": {"basePackage": "…"}, …}}). Code outside every
 * module — or a service that published no structure — is grouped by its package's first three segments.
 */
final class ModuleMap {

    private record Module(String name, String basePackage) {
    }

    private final List<Module> modules;

    private ModuleMap(List<Module> modules) {
        this.modules = modules;
    }

    static ModuleMap read(Path file) throws IOException {
        List<Module> modules = new ArrayList<>();
        if (Files.exists(file)) {
            for (Map.Entry<String, JsonNode> module : JsonMapper.builder().build().readTree(file.toFile()).properties()) {
                JsonNode base = module.getValue().get("basePackage");
                if (base != null && base.isString()) {
                    modules.add(new Module(module.getKey(), base.asString()));
                }
            }
        }
        // The most specific package wins for nested modules.
        modules.sort(Comparator.comparingInt((Module m) -> m.basePackage().length()).reversed());
        return new ModuleMap(modules);
    }

    static ModuleMap none() {
        return new ModuleMap(List.of());
    }

    /** The module of a frame ({@code package.Class.method}), or null when no module owns it. */
    @Nullable String moduleOf(String frame) {
        for (Module module : modules) {
            if (frame.startsWith(module.basePackage() + ".")) {
                return module.name();
            }
        }
        return null;
    }

    /**
     * Who a stack (innermost frame first) is working for: the innermost frame a module owns, else the
     * innermost frame's package (e.g. {@code org.postgresql.core}).
     */
    String ownerOf(List<String> frames) {
        String owned = innermostOwned(frames);
        if (owned != null) {
            return moduleOf(owned);
        }
        return frames.isEmpty() ? "unknown" : packageOf(frames.getFirst());
    }

    /** The innermost frame of a stack (innermost first) that a module owns: the application's own method. */
    @Nullable String innermostOwned(List<String> frames) {
        for (String frame : frames) {
            if (moduleOf(frame) != null) {
                return frame;
            }
        }
        return null;
    }

    private static String packageOf(String frame) {
        String[] parts = frame.split("\\.");
        int segments = Math.min(3, Math.max(1, parts.length - 2));
        return String.join(".", java.util.Arrays.copyOf(parts, segments));
    }
}
