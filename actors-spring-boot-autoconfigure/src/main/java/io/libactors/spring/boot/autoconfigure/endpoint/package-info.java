/**
 * The read-only {@code actors} actuator endpoint.
 */
@NullMarked
package io.libactors.spring.boot.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
