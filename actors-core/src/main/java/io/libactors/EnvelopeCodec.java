package io.libactors;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link Envelope} as JSON and reads it back. The message's type travels as a
 * logical name (its simple class name) and is resolved only among the message types that
 * registered actors handle: a class name on the wire is never loaded, and Jackson's default
 * typing is never used. Documents larger than {@link #MAX_DOCUMENT_BYTES} are refused before
 * parsing. Thread-safe.
 */
public final class EnvelopeCodec {

	/** The largest document {@link #read} accepts. */
	public static final int MAX_DOCUMENT_BYTES = 1 << 20;

	private final JsonMapper mapper;

	private final Map<String, Class<? extends Message>> types;

	EnvelopeCodec(JsonMapper mapper, Map<String, Class<? extends Message>> types) {
		this.mapper = mapper;
		this.types = types;
	}

	/** The envelope as a JSON document. */
	public String write(Envelope envelope) {
		Objects.requireNonNull(envelope, "envelope must not be null");
		StringWriter out = new StringWriter(256);
		// streamed: no tree of the message is built on the way
		try (JsonGenerator json = this.mapper.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("id", envelope.id());
			json.writeStringProperty("sender", envelope.sender());
			json.writeStringProperty("receiver", envelope.receiver());
			json.writeStringProperty("type", envelope.message().getClass().getSimpleName());
			json.writeStringProperty("timestamp", envelope.timestamp().toString());
			json.writePOJOProperty("message", envelope.message());
			json.writeEndObject();
		}
		return out.toString();
	}

	/**
	 * Reads an envelope written by {@link #write}.
	 * @throws ActorException naming what is wrong: size, syntax, or a type no actor handles
	 */
	public Envelope read(String json) {
		Objects.requireNonNull(json, "json must not be null");
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > MAX_DOCUMENT_BYTES) {
			throw new ActorException("Envelope of " + bytes.length + " bytes refused: the limit is "
					+ MAX_DOCUMENT_BYTES + ".");
		}
		try {
			JsonNode node = this.mapper.readTree(bytes);
			Class<? extends Message> type = registeredType(text(node, "type"));
			Message message = this.mapper.treeToValue(node.get("message"), type);
			String timestamp = text(node, "timestamp");
			return new Envelope(Objects.requireNonNull(text(node, "id"), "id"), text(node, "sender"),
					Objects.requireNonNull(text(node, "receiver"), "receiver"), message,
					(timestamp != null) ? Instant.parse(timestamp) : Instant.EPOCH);
		}
		catch (JacksonException | NullPointerException | java.time.format.DateTimeParseException ex) {
			throw new ActorException("Envelope cannot be read: " + ex.getMessage(), ex);
		}
	}

	private Class<? extends Message> registeredType(@Nullable String name) {
		// Registration refuses two types of one simple name, so a name resolves to one type.
		Class<? extends Message> found = (name != null) ? this.types.get(name) : null;
		if (found == null) {
			throw new ActorException("Envelope names message type '" + name + "', which no registered actor "
					+ "handles; only registered types are read.");
		}
		return found;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
