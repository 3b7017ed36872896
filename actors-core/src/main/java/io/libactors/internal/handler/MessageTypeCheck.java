package io.libactors.internal.handler;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.libactors.ActletFailed;
import io.libactors.DeadLetter;
import io.libactors.HandlerRegistrationException;
import io.libactors.Message;
import io.libactors.ShutdownMessage;
import io.libactors.Terminated;
import io.libactors.TimerDone;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration-time JSON check: a message type passes when Jackson finds a creator for it
 * and no property at any depth is declared as an abstract type or an interface without
 * {@code @JsonTypeInfo}. It never creates an instance. Results are cached per type; thread-safe.
 */
public final class MessageTypeCheck {

	private static final Set<Class<?>> FRAMEWORK_TYPES = Set.of(ShutdownMessage.class, DeadLetter.class,
			ActletFailed.class, TimerDone.class, Terminated.class);

	private final JsonMapper mapper;

	private final ConcurrentHashMap<Class<?>, Boolean> passed = new ConcurrentHashMap<>();

	MessageTypeCheck(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** Whether {@code type} is one of the framework's own messages, exempt from the check and the codec. */
	public static boolean isFrameworkType(Class<?> type) {
		return FRAMEWORK_TYPES.contains(type) || type == Message.class;
	}

	/**
	 * Checks the message type of a handler.
	 * @throws HandlerRegistrationException naming the type, the property path and the fix
	 */
	void check(Class<?> messageType, String where) {
		if (isFrameworkType(messageType) || this.passed.containsKey(messageType)) {
			return;
		}
		DeserializationContext context = this.mapper._deserializationContext();
		String problem = problem(context, context.constructType(messageType), messageType.getSimpleName(),
				new HashSet<>());
		if (problem != null) {
			throw new HandlerRegistrationException(
					"Message type " + messageType.getName() + " of " + where + " fails the JSON check: " + problem
							+ ".",
					"Make " + messageType.getSimpleName() + " a record of concrete, serialisable types "
							+ "(annotate abstract or interface property types with @JsonTypeInfo(use = Id.NAME)).");
		}
		this.passed.put(messageType, Boolean.TRUE);
	}

	private @Nullable String problem(DeserializationContext context, JavaType type, String path, Set<Class<?>> seen) {
		if (type.isContainerType() || type.isReferenceType()) {
			JavaType key = type.getKeyType();
			if (key != null && (key.isAbstract() || key.isInterface()) && !key.isTypeOrSubTypeOf(CharSequence.class)) {
				return "map key of " + path + " is " + key.getRawClass().getName();
			}
			JavaType content = type.getContentType();
			return (content != null) ? problem(context, content, path + "[]", seen) : null;
		}
		Class<?> raw = type.getRawClass();
		if (raw.isPrimitive() || raw.isEnum() || raw == String.class) {
			return null;
		}
		if ((raw == Object.class || type.isAbstract() || type.isInterface())
				&& !raw.isAnnotationPresent(JsonTypeInfo.class)) {
			return path + " is declared as " + raw.getName() + ", an open-ended type without @JsonTypeInfo";
		}
		if (raw.isAnnotationPresent(JsonTypeInfo.class) || !seen.add(raw)) {
			return null;
		}
		if (raw.getName().startsWith("java.") || raw.getName().startsWith("javax.")) {
			// JDK value types (String, Instant, BigDecimal, UUID...) have their own deserializers; a JDK
			// class that Jackson would treat as a bean (Thread, say) is checked like any bean.
			try {
				if (!(context.findRootValueDeserializer(type) instanceof BeanDeserializerBase)) {
					return null;
				}
			}
			catch (RuntimeException ex) {
				return path + " (" + raw.getName() + ") cannot be read by Jackson: " + ex.getMessage();
			}
		}
		BeanDescription description = context.introspectBeanDescriptionForCreation(type);
		if (!raw.isInterface() && !type.isAbstract() && description.findDefaultConstructor() == null
				&& !description.getPotentialCreators().hasPropertiesBasedOrDelegating()
				&& description.getFactoryMethods().isEmpty()) {
			return "Jackson finds no creator for " + path + " (" + raw.getName() + ")";
		}
		for (BeanPropertyDefinition property : description.findProperties()) {
			if (property.getPrimaryMember() != null
					&& property.getPrimaryMember().hasAnnotation(JsonTypeInfo.class)) {
				continue;
			}
			String found = problem(context, property.getPrimaryType(), path + "." + property.getName(), seen);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
