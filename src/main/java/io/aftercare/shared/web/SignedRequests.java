package io.aftercare.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The security chain of paths whose callers have no Aftercare user (a desk's webhooks, a
 * customer's one-click answer): no sign-in, session, saved request or CSRF token applies,
 * because the only credential is a signature that the endpoint itself checks before it
 * acts. Every other path stays with the API's and the web app's chains.
 */
public final class SignedRequests {

	private SignedRequests() {
	}

	/** Opens {@code pattern}, and only it, to requests its endpoints authenticate. */
	public static HttpSecurity only(HttpSecurity http, String pattern) throws Exception {
		return http.securityMatcher(pattern)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable());
	}

}
