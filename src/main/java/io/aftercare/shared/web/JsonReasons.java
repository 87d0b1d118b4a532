package io.aftercare.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says in our own words why a JSON body, or a field of it, could not be read: which field
 * and what was expected there. Never Jackson's message, which names Java types, Jackson
 * features and internal classes.
 */
public final class JsonReasons {

	private JsonReasons() {
	}

	/**
	 * {@code "subject: contains a NUL character ..."}, {@code "score: expected a whole
	 * number"}, or for the body as a whole {@code "The body is not valid JSON at line 1,
	 * column 17: ..."}.
	 */
	public static String describe(JacksonException ex) {
		String field = path(ex);
		String prefix = field.isEmpty() ? "" : field + ": ";
		if (ex instanceof RefusedValueException) {
			return prefix + ex.getOriginalMessage();
		}
		if (ex instanceof ValueInstantiationException && ex.getCause() instanceof IllegalArgumentException refused) {
			// A record's own guard said no; its message is ours.
			return prefix + refused.getMessage();
		}
		if (ex instanceof InvalidFormatException invalid) {
			return prefix + "cannot read " + quoted(invalid.getValue()) + " as " + expected(invalid.getTargetType());
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return prefix + "expected " + expected(mismatched.getTargetType());
		}
		if (ex instanceof InputCoercionException coercion) {
			return prefix + "the number is out of range" + bounds(coercion.getTargetType());
		}
		if (ex instanceof StreamConstraintsException) {
			return "The body goes beyond what Aftercare reads: " + constraint(ex.getOriginalMessage()) + ".";
		}
		if (ex instanceof StreamReadException) {
			return notValidJson(ex);
		}
		return prefix + "this value cannot be read";
	}

	/**
	 * {@code "The body is not valid JSON at line 3, column 9: Unexpected end-of-input"}.
	 */
	public static String notValidJson(JacksonException ex) {
		String why = syntax(ex.getOriginalMessage());
		return "The body is not valid JSON at " + where(ex.getLocation()) + ((why != null) ? ": " + why : ".");
	}

	/** Jackson's description of a syntax error, without the parts about Jackson. */
	public static String syntax(String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		String text = message;
		for (String cut : new String[] { "\n", " (start marker at", " at [Source" }) {
			int at = text.indexOf(cut);
			if (at >= 0) {
				text = text.substring(0, at);
			}
		}
		// Backticks quote Java classes and Jackson features: not for the sender.
		return text.contains("`") ? null : text.strip();
	}

	public static String where(TokenStreamLocation location) {
		return (location != null && location.getLineNr() > 0)
				? "line " + location.getLineNr() + ", column " + location.getColumnNr() : "an unknown position";
	}

	/** What a field of this type holds, as a sender would put it. */
	public static String expected(Class<?> type) {
		if (type == Instant.class) {
			return "a timestamp such as 2026-11-01T09:30:00Z";
		}
		if (type == LocalDate.class) {
			return "a date such as 2027-03-31";
		}
		if (type == Integer.class || type == int.class) {
			return "a whole number";
		}
		if (type == Long.class || type == long.class || type == BigInteger.class) {
			return "a whole number";
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type.isEnum()) {
			return "one of "
					+ String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object";
	}

	private static String bounds(Class<?> type) {
		if (type == Integer.class || type == int.class) {
			return " (a whole number from -2147483648 to 2147483647)";
		}
		if (type == Long.class || type == long.class) {
			return " (a whole number from -9223372036854775808 to 9223372036854775807)";
		}
		return "";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String constraint(String message) {
		String text = (message != null) ? message.toLowerCase(Locale.ROOT) : "";
		if (text.contains("nesting depth")) {
			return "arrays and objects are nested too deeply";
		}
		if (text.contains("number value length") || text.contains("number length")) {
			return "a number has too many digits";
		}
		if (text.contains("string value length") || text.contains("string length")) {
			return "a string is too long";
		}
		if (text.contains("name length")) {
			return "a field name is too long";
		}
		return "it is too large";
	}

	private static String quoted(Object value) {
		String text = String.valueOf(value);
		return "'" + ((text.length() > 40) ? text.substring(0, 40) + "..." : text) + "'";
	}

}
