package io.aftercare.account;

/**
 * A token just created: the secret is in {@code token}, shown this once and never stored.
 */
public record IssuedApiToken(String token, ApiToken details) {

	@Override
	public String toString() {
		return "IssuedApiToken[" + this.details + "]";
	}

}
