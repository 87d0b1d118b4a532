package io.aftercare.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every API call is authenticated (HTTP Basic for scripts); health checks and the API
 * description stay open. Feeding data in and managing users is for admins only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The API, for scripts and connectors: HTTP Basic on every request, no session, so no
	 * cookie that cross-site requests could ride on and no CSRF token to manage.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/ingest/**", "/api/admin/**")
				.hasRole(CsmRole.ADMIN.name())
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The web app: a sign-in form, a session cookie, and CSRF protection on every form
	 * and htmx request. Health checks and the API description stay open.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
					.permitAll()
					.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
					.permitAll()
					.requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
					.permitAll()
					.anyRequest()
					.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/chat", true).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedOut"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
							+ "frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}

	@Bean
	UserDetailsService users(JdbcClient jdbc) {
		return (username) -> jdbc
			.sql("select username, password_hash, role, enabled from csm_users where username = :u")
			.param("u", username)
			.query((rs, i) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.roles(rs.getString("role"))
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
