/**
 * Labs: switchable anti-patterns on the catalog's read paths, for proving that the perf kit names
 * the queue each one builds (perf/labs.json, {@code make test-labs}). Each lab is a bean that
 * replaces a normal one only while {@code queuescope.lab.<name>=true}; business code never asks
 * whether a lab is on. Each does the same work in a worse way — never a sleep.
 */
@NullMarked
package dev.queuescope.catalog.internal.lab;

import org.jspecify.annotations.NullMarked;
