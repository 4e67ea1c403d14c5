package dev.queuescope.imports.internal;

import dev.queuescope.catalog.BulkProduct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo data set, generated from a fixed seed so every machine gets the same rows. Product
 * names are {@code <adjective> <material> <noun>} from the word lists below (documented in
 * docs/demo-data.md), so search terms with known hit counts exist: each material names about 1/20
 * of the products, each adjective about 1/40, each noun one category (about 1/50).
 */
public record DemoDataSet(List<String> categories, List<BulkProduct> products, Map<String, Integer> stock) {

    public static final long SEED = 20_261_126L;
    public static final int PRODUCTS = 100_000;

    /** Category name and the noun its products are named with; 50 of them. */
    static final String[][] CATEGORIES = {
            {"Chairs", "chair"}, {"Tables", "table"}, {"Lamps", "lamp"}, {"Shelves", "shelf"},
            {"Desks", "desk"}, {"Sofas", "sofa"}, {"Beds", "bed"}, {"Rugs", "rug"},
            {"Mirrors", "mirror"}, {"Clocks", "clock"}, {"Vases", "vase"}, {"Bowls", "bowl"},
            {"Mugs", "mug"}, {"Plates", "plate"}, {"Kettles", "kettle"}, {"Pans", "pan"},
            {"Knives", "knife"}, {"Spoons", "spoon"}, {"Baskets", "basket"}, {"Boxes", "box"},
            {"Bags", "bag"}, {"Backpacks", "backpack"}, {"Wallets", "wallet"}, {"Belts", "belt"},
            {"Hats", "hat"}, {"Scarves", "scarf"}, {"Gloves", "glove"}, {"Jackets", "jacket"},
            {"Boots", "boot"}, {"Sandals", "sandal"}, {"Watches", "watch"}, {"Rings", "ring"},
            {"Necklaces", "necklace"}, {"Notebooks", "notebook"}, {"Pens", "pen"}, {"Pencils", "pencil"},
            {"Easels", "easel"}, {"Guitars", "guitar"}, {"Drums", "drum"}, {"Flutes", "flute"},
            {"Bicycles", "bicycle"}, {"Helmets", "helmet"}, {"Tents", "tent"}, {"Lanterns", "lantern"},
            {"Hammocks", "hammock"}, {"Kites", "kite"}, {"Puzzles", "puzzle"}, {"Blankets", "blanket"},
            {"Pillows", "pillow"}, {"Curtains", "curtain"}};

    static final String[] ADJECTIVES = {
            "sturdy", "elegant", "rustic", "modern", "vintage", "compact", "foldable", "classic",
            "handmade", "polished", "rugged", "slim", "cozy", "bright", "quiet", "portable",
            "durable", "minimal", "ornate", "sleek", "tiny", "grand", "smooth", "weathered",
            "glossy", "matte", "striped", "dotted", "woven", "carved", "painted", "brushed",
            "hammered", "quilted", "padded", "lightweight", "heavy", "royal", "nordic", "tropical"};

    static final String[] MATERIALS = {
            "oak", "walnut", "maple", "bamboo", "pine", "steel", "copper", "brass", "iron", "glass",
            "ceramic", "porcelain", "leather", "linen", "cotton", "wool", "silk", "marble", "granite", "cork"};

    public static DemoDataSet generate() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> categories = new ArrayList<>(CATEGORIES.length);
        for (String[] category : CATEGORIES) {
            categories.add(category[0]);
        }
        List<BulkProduct> products = new ArrayList<>(PRODUCTS);
        Map<String, Integer> stock = new LinkedHashMap<>(PRODUCTS * 2);
        for (int i = 1; i <= PRODUCTS; i++) {
            String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
            String material = MATERIALS[random.nextInt(MATERIALS.length)];
            String sku = "DEMO-%06d".formatted(i);
            String name = capitalize(adjective) + " " + capitalize(material) + " " + capitalize(category[1]);
            String description = "A " + adjective + " " + category[1] + " made of " + material + ".";
            long priceCents = 199 + random.nextLong(99_801);
            products.add(new BulkProduct(sku, name, description, category[0], priceCents));
            stock.put(sku, random.nextInt(501));
        }
        return new DemoDataSet(List.copyOf(categories), List.copyOf(products), stock);
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
