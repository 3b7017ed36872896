/**
 * Actuator and Micrometer support for actors: the {@code actors} endpoint, the health indicator,
 * meters and observations.
 */
@NullMarked
package io.libactors.spring.actuate;

import org.jspecify.annotations.NullMarked;
