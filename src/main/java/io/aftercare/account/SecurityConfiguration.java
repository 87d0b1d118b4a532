package io.aftercare.account;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains, each with its own {@code securityMatcher}, so that other chains
 * (such as one for signed webhooks under {@code /api/webhooks/**}, which this one leaves
 * alone) can be added beside them:
 * <ol>
 * <li>the API, {@code /api/**}: stateless, API tokens ({@code Authorization: Bearer}) or
 * HTTP Basic, rate-limited per token, permissions by scope;</li>
 * <li>operations, {@code /actuator/**}: health and info open for probes, everything else
 * (metrics) for an admin or an {@code admin} token;</li>
 * <li>the web app, everything else: a sign-in form and single sign-on when configured, a
 * session in the database, CSRF protection and a Content-Security-Policy.</li>
 * </ol>
 * Password sign-in on the form and on HTTP Basic goes through the sign-in throttle
 * ({@link ThrottledSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(10)
	SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ApiTokens tokens,
			AccountSettings settings, JsonMapper json) throws Exception {
		// The desks' webhooks (/webhooks/**) have a chain of their own, ahead of this
		// one.
		stateless(http.securityMatcher(path("/api/**")), entryPoint, tokens)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path("/api/admin/**"))
				.hasAuthority(Permission.ADMIN.authority())
				.requestMatchers(path("/api/ingest/**"))
				.hasAuthority(Permission.INGEST.authority())
				.requestMatchers(path("/api/tokens"), path("/api/tokens/**"))
				.hasAuthority(Permission.TOKENS.authority())
				.requestMatchers(path(HttpMethod.GET, "/api/**"), path(HttpMethod.HEAD, "/api/**"))
				.hasAuthority(Permission.READ.authority())
				.anyRequest()
				.hasAuthority(Permission.WRITE.authority()))
			.addFilterAfter(new ApiRateLimit(settings.rateLimit(), json), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(20)
	SecurityFilterChain operations(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ApiTokens tokens)
			throws Exception {
		stateless(http.securityMatcher(path("/actuator/**")), entryPoint, tokens)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"))
				.permitAll()
				.anyRequest()
				.hasAuthority(Permission.ADMIN.authority()));
		return http.build();
	}

	/**
	 * No session, so no cookie that cross-site requests could ride on and no CSRF token
	 * to manage; a bearer token first, HTTP Basic otherwise; 401, 403 and 429 as problem
	 * details.
	 */
	private static HttpSecurity stateless(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
			ApiTokens tokens) throws Exception {
		return http.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
	}

	/**
	 * The web app: a sign-in form (and single sign-on when an OpenID Connect provider is
	 * configured), a session cookie ({@code SameSite=Lax}; {@code Secure} and HSTS over
	 * HTTPS, also behind a proxy that says so in {@code X-Forwarded-Proto}), and CSRF
	 * protection on every form and htmx request.
	 */
	@Bean
	@Order(100)
	SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			SingleSignOn singleSignOn) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/chat", true)
				.failureHandler((request, response, failure) -> response
					.sendRedirect(request.getContextPath() + ((failure instanceof SignInThrottledException throttled)
							? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error")))
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signedOut"))
			.headers((headers) -> headers
				.httpStrictTransportSecurity((hsts) -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
				.contentSecurityPolicy((csp) -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
								+ "frame-ancestors 'none'; form-action 'self'")));
		// Only when a provider is configured: without one the app starts with the form
		// alone.
		if (registrations.getIfAvailable() != null) {
			singleSignOn.configure(http);
		}
		return http.build();
	}

	/**
	 * The one way to check a password, on every chain: the only
	 * {@code AuthenticationProvider} bean, so Spring Security's global authentication
	 * manager is this and nothing else (no second, unthrottled password check behind it).
	 * Single sign-on adds its own providers to the web chain.
	 */
	@Bean
	ThrottledSignIn passwordSignIn(JdbcClient jdbc, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users(jdbc));
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledSignIn(passwords, throttle);
	}

	private static UserDetailsService users(JdbcClient jdbc) {
		return (username) -> jdbc
			.sql("select username, password_hash, role, enabled from csm_users where username = :u")
			.param("u", username)
			.query((rs, i) -> {
				CsmRole role = CsmRole.valueOf(rs.getString("role"));
				return User.withUsername(rs.getString("username"))
					.password(rs.getString("password_hash"))
					.authorities(Permission.authorities(role, Permission.ofPassword(role)))
					.disabled(!rs.getBoolean("enabled"))
					.build();
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	/**
	 * Spring Security would observe each filter of a chain, each authentication and each
	 * authorization: a tenth of an API request's CPU in the load run
	 * (docs/performance.md). The requests' own timer ({@code http.server.requests}, by
	 * endpoint and status) still counts refused and rate-limited calls.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

}
