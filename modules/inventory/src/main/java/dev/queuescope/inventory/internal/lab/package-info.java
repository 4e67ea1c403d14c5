/**
 * Labs: switchable anti-patterns in the inventory module, for proving that the perf kit names the
 * queue each one builds (perf/labs.json, {@code make test-labs}). Each lab is a bean that replaces a
 * normal one only while {@code queuescope.lab.<name>=true}; business code never asks whether a lab
 * is on.
 */
@NullMarked
package dev.queuescope.inventory.internal.lab;

import org.jspecify.annotations.NullMarked;
