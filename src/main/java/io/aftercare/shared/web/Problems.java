package io.aftercare.shared.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds every RFC 9457 problem detail Aftercare answers, so that all of them name their
 * type the same way: {@code https://aftercare.io/problems/<type>}.
 */
public final class Problems {

	static final String TYPE_BASE = "https://aftercare.io/problems/";

	private Problems() {
	}

	/**
	 * @param type a short, stable code, such as {@code not-approved}
	 * @param title a short summary for people
	 * @param detail what happened and what to do, in words a CSM understands
	 */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Answers with the problem where Spring MVC does not write the answer: a servlet
	 * filter, Spring Security's entry point. Its status is the problem's.
	 */
	public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// Without it the writer would be ISO-8859-1, the servlet default.
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getWriter(), problem);
	}

}
