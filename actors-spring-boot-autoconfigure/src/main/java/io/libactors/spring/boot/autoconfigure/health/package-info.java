/**
 * The {@code actors} health contributor: DOWN while an actor is stuck or after a singleton actor failed.
 */
@NullMarked
package io.libactors.spring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
