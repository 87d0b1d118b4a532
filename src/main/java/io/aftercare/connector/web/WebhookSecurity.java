package io.aftercare.connector.web;

import io.aftercare.shared.web.SignedRequests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Webhooks have a security chain of their own, ahead of the API's and the web app's: a
 * desk has no Aftercare user, so no password, no session and no CSRF token apply; the
 * signature over the body, checked by the receiving endpoint before anything is stored,
 * is the only authentication.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
		SignedRequests.only(http, "/webhooks/**");
		return http.build();
	}

}
