package io.aftercare.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import io.aftercare.shared.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 as RFC 9457 problem details, like every other API error.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemAuthenticationEntryPoint(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof SignInThrottledException throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			write(response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many failed sign-ins", throttled
				.getMessage()
					+ " Scripts and connectors should use an API token (Authorization: Bearer), which is never throttled this way.");
			return;
		}
		if (authException instanceof ApiTokenRejectedException rejected) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Aftercare\", error=\"invalid_token\"");
			write(response, HttpStatus.UNAUTHORIZED, "invalid-token", "API token refused", rejected.getMessage());
			return;
		}
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Aftercare\"");
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Aftercare\"");
		write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
				"Send an API token (Authorization: Bearer <token>) or your Aftercare username and password (HTTP Basic).");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		boolean token = SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication;
		write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
				token ? "This API token's scope does not allow this request." : "Your account may not do this.");
	}

	private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
			throws IOException {
		Problems.write(response, this.json, Problems.of(status, type, title, detail));
	}

}
