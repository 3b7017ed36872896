package io.libactors.spring;

import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's own JSON mapper, for the message check and the envelope codec: built like the
 * application's (with its {@code JsonMapperBuilderCustomizer}s) but a separate instance, so
 * the application's mapper is never changed. A holder rather than a {@code JsonMapper} bean, so
 * that Boot's own mapper does not back off.
 *
 * @param mapper the mapper
 */
public record ActorJsonMapper(JsonMapper mapper) {
}
