package io.aftercare.ingestion.web;

/**
 * The body as a whole is not what the endpoint reads: not JSON, or JSON that is neither
 * an object nor an array of objects. Answered with 400.
 */
class UnreadableBodyException extends RuntimeException {

	UnreadableBodyException(String message) {
		super(message);
	}

}
