package io.aftercare.account;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token that does not sign a request in, with the reason its holder can act on.
 */
class ApiTokenRejectedException extends AuthenticationException {

	ApiTokenRejectedException(String message) {
		super(message);
	}

	static ApiTokenRejectedException unknown() {
		return new ApiTokenRejectedException("This API token is not valid. Check that it was copied whole.");
	}

}
