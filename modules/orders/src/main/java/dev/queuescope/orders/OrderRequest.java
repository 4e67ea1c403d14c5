package dev.queuescope.orders;

import java.util.List;

/** What a client asks for: quantities of products. Prices come from the catalog, never the client. */
public record OrderRequest(List<Item> items) {

    public record Item(long productId, int quantity) {
    }
}
