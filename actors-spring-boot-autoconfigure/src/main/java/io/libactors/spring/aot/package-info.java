/**
 * Ahead-of-time support: what a native image of an application with actors must keep.
 */
@NullMarked
package io.libactors.spring.aot;

import org.jspecify.annotations.NullMarked;
