package dev.queuescope;

import java.util.List;

/** The shop's application modules by name, as JFR events label them; anything else is {@value #OTHER}. */
final class ShopModules {

    static final String OTHER = "other";
    static final List<String> NAMES = List.of("catalog", "inventory", "orders", "payments", "imports");

    private static final String ROOT_PACKAGE = "dev.queuescope.";

    private ShopModules() {
    }

    /** {@code dev.queuescope.catalog.internal.web} → {@code catalog}. */
    static String ofPackage(String packageName) {
        if (!packageName.startsWith(ROOT_PACKAGE)) {
            return OTHER;
        }
        int end = packageName.indexOf('.', ROOT_PACKAGE.length());
        String first = packageName.substring(ROOT_PACKAGE.length(), end < 0 ? packageName.length() : end);
        return NAMES.contains(first) ? first : OTHER;
    }
}
