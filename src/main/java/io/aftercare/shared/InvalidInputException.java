package io.aftercare.shared;

/**
 * Input that is well-formed but makes no sense for the domain (a blank subject, a
 * reminder in the past). The web edge answers 400 with the message.
 */
public class InvalidInputException extends RuntimeException {

	public InvalidInputException(String message) {
		super(message);
	}

}
