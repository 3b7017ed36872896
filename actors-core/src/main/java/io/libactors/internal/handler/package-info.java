/**
 * Handler tables: which method of an actor class handles which message type, found once per
 * class by {@link io.libactors.internal.handler.HandlerScanner} and checked per core by
 * {@link io.libactors.internal.handler.HandlerTables}. Not API: other modules and applications
 * use {@code io.libactors} only, and anything here may change without notice.
 */
@NullMarked
package io.libactors.internal.handler;

import org.jspecify.annotations.NullMarked;
