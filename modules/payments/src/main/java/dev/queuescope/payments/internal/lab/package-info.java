/**
 * Labs of the payments module: beans switched on by {@code queuescope.lab.<name>=true} that do the
 * module's work a worse way on purpose (docs/labs.md). Off by default.
 */
@org.jspecify.annotations.NullMarked
package dev.queuescope.payments.internal.lab;
