package io.aftercare.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that was read but is refused: text that cannot be stored, a time outside
 * the supported range. Its {@linkplain #getOriginalMessage() message} says why in words
 * for the sender; its path names the field.
 */
public class RefusedValueException extends MismatchedInputException {

	RefusedValueException(JsonParser parser, String reason, Class<?> targetType) {
		super(parser, reason, targetType);
	}

}
