/**
 * The opt-in {@code actorsdashboard} actuator endpoint: a page that draws the actors live.
 */
@NullMarked
package io.libactors.spring.boot.autoconfigure.dashboard;

import org.jspecify.annotations.NullMarked;
