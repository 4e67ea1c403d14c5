package dev.queuescope.catalog.internal.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The list contract other tools rely on: {@code {"items":[...],"nextCursor":<string or null>}}. */
record ListResponse<T>(List<T> items, @Nullable String nextCursor) {
}
