package io.aftercare.shared.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
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

}
