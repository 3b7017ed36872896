/**
 * The actors' Micrometer meters: mailbox depth, handler durations and failures, dead letters.
 */
@NullMarked
package io.libactors.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
