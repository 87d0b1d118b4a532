package io.aftercare.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.UpstreamFailedException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns domain refusals into RFC 9457 problem details, the only place where they meet
 * HTTP. Spring MVC's own failures (malformed JSON, wrong types, unknown paths) are
 * rendered by the base class in the same format.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final String TYPE_BASE = "https://aftercare.io/problems/";

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail refused(RefusedException ex) {
		return problem(HttpStatus.CONFLICT, ex.reason(), "Request refused", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(jakarta.validation.ConstraintViolationException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				ex.getConstraintViolations()
					.stream()
					.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
					.sorted()
					.collect(java.util.stream.Collectors.joining("; ")));
	}

	@ExceptionHandler
	ProblemDetail upstreamFailed(UpstreamFailedException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, ex.reason(), ex.title(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile",
				"Someone changed this at the same time. Reload it and try again.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemDetailsAdvice::describe)
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				"Some fields are invalid: " + String.join("; ",
						errors.stream().map((e) -> e.get("field") + " " + e.get("message")).toList()));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private static Map<String, String> describe(FieldError error) {
		return Map.of("field", error.getField(), "message",
				(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid");
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
