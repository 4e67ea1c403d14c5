package dev.queuescope.catalog;

public record Category(long id, String name) {
}
