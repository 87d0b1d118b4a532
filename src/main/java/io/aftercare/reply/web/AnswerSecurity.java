package io.aftercare.reply.web;

import io.aftercare.shared.web.SignedRequests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The one-click answer pages have a chain of their own, for {@code /answer/**} only: a
 * customer has no Aftercare user, so no sign-in, session or CSRF cookie applies; the
 * signed token in the path is the only credential, and the confirming POST carries a
 * second signature of it (see {@link AnswerTokens}). Nothing else is opened: every other
 * path stays with the API's and the web app's chains. The pages send no referrer (the
 * token is in their URL), load only our stylesheet, post only to themselves and cannot be
 * framed.
 */
@Configuration(proxyBeanMethods = false)
class AnswerSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain answerPages(HttpSecurity http) throws Exception {
		SignedRequests.only(http, "/answer/**")
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
						+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")));
		return http.build();
	}

}
