/**
 * Actors from Reactor code: asks as {@code Mono}, states as {@code Flux}. Needs Reactor on the
 * classpath; handlers may also return {@code Mono} or {@code Flux}, which hold the actor as a
 * {@code CompletionStage} does.
 */
@NullMarked
package io.libactors.reactor;

import org.jspecify.annotations.NullMarked;
