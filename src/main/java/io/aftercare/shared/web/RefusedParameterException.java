package io.aftercare.shared.web;

import org.springframework.beans.TypeMismatchException;

/**
 * A parameter's text that was refused while it was bound; the message says why, in words
 * for the sender, without the parameter's name (see {@link #describe}).
 */
public class RefusedParameterException extends IllegalArgumentException {

	RefusedParameterException(String reason) {
		super(reason);
	}

	/**
	 * What to tell the sender about a parameter that could not be bound: {@code "query
	 * contains a NUL character ..."}, {@code "limit must be a whole number"}.
	 */
	public static String describe(TypeMismatchException ex) {
		String name = (ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException named)
				? named.getName() : ex.getPropertyName();
		String parameter = (name != null) ? name : "a parameter";
		if (ex.getCause() instanceof RefusedParameterException refused) {
			return parameter + " " + refused.getMessage();
		}
		Class<?> type = ex.getRequiredType();
		return parameter + " must be " + ((type != null) ? JsonReasons.expected(type) : "a valid value");
	}

}
