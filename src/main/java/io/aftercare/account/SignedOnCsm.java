package io.aftercare.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through their OpenID Connect provider, known by their Aftercare
 * username (the name every module filters by), not by the provider's subject.
 * Serializable, as the session in the database needs.
 */
class SignedOnCsm extends DefaultOidcUser {

	private static final long serialVersionUID = 1L;

	private final String username;

	SignedOnCsm(String username, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
			OidcUserInfo userInfo) {
		super(authorities, idToken, userInfo);
		this.username = username;
	}

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other) && this.username.equals(((SignedOnCsm) other).username);
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + this.username.hashCode();
	}

}
