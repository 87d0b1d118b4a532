package io.aftercare.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.function.Function;

import io.aftercare.shared.Text;
import io.aftercare.shared.TimeRange;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;

/**
 * The one guard of every JSON body the application reads, the API's and the ingestion's:
 * a string that cannot be stored on every database (a NUL character, a lone UTF-16
 * surrogate) and a time outside {@link TimeRange} are refused while the body is read,
 * with a {@link RefusedValueException} that names the field. Spring Boot registers this
 * module with the application's {@code JsonMapper}.
 */
@Component
class JsonInput extends SimpleModule {

	JsonInput() {
		super("aftercare-json-input");
		setDeserializerModifier(new Guards());
	}

	private static final class Guards extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			Class<?> type = bean.getBeanClass();
			if (type == String.class) {
				return new Guarded(deserializer, String.class, (value) -> Text.unstorable((String) value));
			}
			if (type == Instant.class) {
				return new Guarded(deserializer, type, (value) -> TimeRange.outside((Instant) value));
			}
			if (type == OffsetDateTime.class) {
				return new Guarded(deserializer, type,
						(value) -> TimeRange.outside(((OffsetDateTime) value).toInstant()));
			}
			if (type == ZonedDateTime.class) {
				return new Guarded(deserializer, type,
						(value) -> TimeRange.outside(((ZonedDateTime) value).toInstant()));
			}
			if (type == LocalDate.class) {
				return new Guarded(deserializer, type, (value) -> TimeRange.outside((LocalDate) value));
			}
			return deserializer;
		}

	}

	/** Reads with the standard deserializer, then refuses what the check objects to. */
	private static final class Guarded extends DelegatingDeserializer {

		private final Class<?> type;

		private final Function<Object, String> check;

		Guarded(ValueDeserializer<?> delegate, Class<?> type, Function<Object, String> check) {
			super(delegate);
			this.type = type;
			this.check = check;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Guarded(delegate, this.type, this.check);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			return checked(parser, super.deserialize(parser, context));
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue)
				throws JacksonException {
			return checked(parser, super.deserialize(parser, context, intoValue));
		}

		private Object checked(JsonParser parser, Object value) {
			String problem = (value != null) ? this.check.apply(value) : null;
			if (problem != null) {
				throw new RefusedValueException(parser, problem, this.type);
			}
			return value;
		}

	}

}
