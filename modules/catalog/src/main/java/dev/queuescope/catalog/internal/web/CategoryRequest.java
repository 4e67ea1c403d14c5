package dev.queuescope.catalog.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

record CategoryRequest(@NotBlank @Size(max = 100) @Nullable String name) {
}
