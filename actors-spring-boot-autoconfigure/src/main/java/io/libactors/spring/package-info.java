/**
 * Actors as Spring beans: the {@link io.libactors.spring.ActorComponent} stereotype and its
 * discovery.
 */
@NullMarked
package io.libactors.spring;

import org.jspecify.annotations.NullMarked;
