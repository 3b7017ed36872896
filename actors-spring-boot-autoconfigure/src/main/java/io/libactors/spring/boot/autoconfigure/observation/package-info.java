/**
 * A Micrometer observation around each handled message, continuing its sender's.
 */
@NullMarked
package io.libactors.spring.boot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
