package io.aftercare.shared.web;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Accept} header is no list of media types
 * ({@code Accept: garbage}) with a problem detail that says so. Left to Spring MVC, the
 * header's failure also failed the choice of how to write the error, and the client got
 * an empty answer with no type; no browser sends such a header, a hand-written script
 * may.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableAccept extends OncePerRequestFilter {

	private final JsonMapper json;

	UnreadableAccept(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
			try {
				MediaType.parseMediaTypes(accept);
			}
			catch (IllegalArgumentException ex) {
				// InvalidMediaTypeException, or a quality that is no number
				Problems.write(response, this.json, StatusProblems.of(HttpStatus.BAD_REQUEST,
						"The Accept header is not a list of media types, such as application/json."));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
