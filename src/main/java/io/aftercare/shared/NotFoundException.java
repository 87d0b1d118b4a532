package io.aftercare.shared;

/**
 * Something does not exist, or the current CSM may not see it. Both answer 404 so that
 * another CSM's customers cannot even be probed for existence.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
