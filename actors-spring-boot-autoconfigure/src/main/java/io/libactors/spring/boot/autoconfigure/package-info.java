/**
 * Auto-configuration of actors in Spring Boot.
 */
@NullMarked
package io.libactors.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
