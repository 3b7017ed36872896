/**
 * The actor runtime: create actors with a {@link io.libactors.Core}, talk to them through
 * {@link io.libactors.ActorProxy}, handle messages in {@link io.libactors.MessageHandler} methods.
 */
@NullMarked
package io.libactors;

import org.jspecify.annotations.NullMarked;
