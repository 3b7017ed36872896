/**
 * {@link io.libactors.spring.test.ActorTest}: a Spring Boot test slice for actors, on the test
 * kit's clock.
 */
@NullMarked
package io.libactors.spring.test;

import org.jspecify.annotations.NullMarked;
