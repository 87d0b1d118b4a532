package io.aftercare.account;

import java.util.Set;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Single sign-on with the company's OpenID Connect provider (Google Workspace, Okta,
 * Microsoft Entra, Keycloak: any issuer configured under
 * {@code spring.security.oauth2.client}). A person is matched to an Aftercare user by the
 * email address their provider has verified; with
 * {@code aftercare.account.sso.create-users=true} someone unknown becomes a CSM on their
 * first sign-in. An unverified or unknown address is refused, and the sign-in page says
 * which.
 */
@Component
class SingleSignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** The refusals the sign-in page has words for. */
	static final Set<String> REFUSALS = Set.of("unverified_email", "unknown_user", "ambiguous_email");

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SingleSignOn.class);

	private final OidcUserService provider = new OidcUserService();

	private final CsmDirectory directory;

	private final AccountSettings settings;

	SingleSignOn(CsmDirectory directory, AccountSettings settings) {
		this.directory = directory;
		this.settings = settings;
	}

	void configure(HttpSecurity http) throws Exception {
		http.oauth2Login((login) -> login.loginPage("/login")
			.defaultSuccessUrl("/chat", true)
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this))
			.failureHandler((request, response, failure) -> {
				String code = (failure instanceof OAuth2AuthenticationException refused
						&& REFUSALS.contains(refused.getError().getErrorCode())) ? refused.getError().getErrorCode()
								: "failed";
				if (code.equals("failed")) {
					// The provider's or the configuration's fault, not the person's: say
					// why in the log.
					log.warn("Single sign-on failed: {}", failure.getMessage());
				}
				response.sendRedirect(request.getContextPath() + "/login?sso=" + code);
			}));
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser person = this.provider.loadUser(request);
		String email = person.getEmail();
		if (email == null || !Boolean.TRUE.equals(person.getEmailVerified())) {
			throw refusal("unverified_email");
		}
		var matches = this.directory.findByEmail(email);
		if (matches.size() > 1) {
			throw refusal("ambiguous_email");
		}
		Csm csm;
		if (matches.isEmpty()) {
			if (!this.settings.sso().createUsers()) {
				throw refusal("unknown_user");
			}
			csm = this.directory.createFromSignOn(email, person.getFullName());
		}
		else {
			csm = matches.get(0);
		}
		CsmRole role = csm.admin() ? CsmRole.ADMIN : CsmRole.CSM;
		return new SignedOnCsm(csm.username(), Permission.authorities(role, Permission.ofPassword(role)),
				person.getIdToken(), person.getUserInfo());
	}

	private static OAuth2AuthenticationException refusal(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code), code);
	}

}
