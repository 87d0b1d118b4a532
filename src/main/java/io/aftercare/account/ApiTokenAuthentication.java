package io.aftercare.account;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request signed with an API token: acts as the token's user, with what its scope
 * allows. The user is read with the token, so the request needs no second lookup.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final Csm user;

	private final long tokenId;

	private final ApiTokenScope scope;

	ApiTokenAuthentication(Csm user, long tokenId, ApiTokenScope scope,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.user = user;
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
		return this.user.username();
	}

	@Override
	public String getName() {
		return this.user.username();
	}

	Csm user() {
		return this.user;
	}

	long tokenId() {
		return this.tokenId;
	}

	ApiTokenScope scope() {
		return this.scope;
	}

}
