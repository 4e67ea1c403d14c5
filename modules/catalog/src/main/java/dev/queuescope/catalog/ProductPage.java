package dev.queuescope.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of products; {@code lastId} is where the next page starts, null on the last page. */
public record ProductPage(List<Product> items, @Nullable Long lastId) {
}
