package io.aftercare.shared.web;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem detail for an HTTP status that our controllers did not answer themselves:
 * the same short, fixed words wherever it is written (the error controller, the web
 * server's own error report). Nothing from the request or from an exception goes into it,
 * so it can never leak an internal detail.
 */
final class StatusProblems {

	private StatusProblems() {
	}

	static HttpStatus status(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	static ProblemDetail of(HttpStatus status, String detail) {
		return Problems.of(status, type(status), status.getReasonPhrase(), detail);
	}

	static ProblemDetail of(HttpStatus status) {
		return of(status, detail(status));
	}

	static String type(HttpStatus status) {
		return switch (status) {
			case INTERNAL_SERVER_ERROR -> "internal-error";
			default -> status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		};
	}

	static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be read. Check its address, parameters and body.";
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not accept this HTTP method.";
			case CONTENT_TOO_LARGE -> "The request is larger than Aftercare accepts.";
			case URI_TOO_LONG -> "The address is longer than Aftercare accepts.";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are larger than Aftercare accepts.";
			case INTERNAL_SERVER_ERROR -> "Something went wrong on our side. It was logged; please try again, "
					+ "and tell your administrator if it keeps happening.";
			default -> status.is5xxServerError() ? "Aftercare cannot answer this request right now. Please try again."
					: "The request was refused (" + status.getReasonPhrase() + ").";
		};
	}

	/** The problem as JSON, for writers that have no Jackson at hand. */
	static String json(HttpStatus status) {
		// Fixed words only (see detail), so plain concatenation cannot break the JSON.
		return "{\"type\":\"" + Problems.TYPE_BASE + type(status) + "\",\"title\":\"" + status.getReasonPhrase()
				+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail(status) + "\"}";
	}

}
