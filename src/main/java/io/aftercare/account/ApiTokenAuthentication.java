package io.aftercare.account;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request signed with an API token: acts as the token's user, with what its scope
 * allows.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final String username;

	private final long tokenId;

	private final ApiTokenScope scope;

	ApiTokenAuthentication(String username, long tokenId, ApiTokenScope scope,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.username = username;
		this.tokenId = tokenId;
		this.scope = scope;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.username;
	}

	@Override
	public String getName() {
		return this.username;
	}

	long tokenId() {
		return this.tokenId;
	}

	ApiTokenScope scope() {
		return this.scope;
	}

}
