package io.aftercare.shared.web;

import java.util.List;
import java.util.Map;

import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.UpstreamFailedException;

import org.apache.tomcat.util.http.InvalidParameterException;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns domain refusals into RFC 9457 problem details, the only place where they meet
 * HTTP. Spring MVC's own failures (malformed JSON, wrong types, unknown paths) are
 * rendered by the base class in the same format.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

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

	/**
	 * Tomcat could not decode the parameters (bad percent-encoding, not UTF-8) or found
	 * too many or too large: answered like the web server's own refusals.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> undecodable(InvalidParameterException ex) {
		HttpStatus status = StatusProblems.status(ex.getErrorCode());
		ProblemDetail problem = (status == HttpStatus.BAD_REQUEST)
				? problem(status, "bad-request", "Bad Request",
						"The parameters could not be read: check their percent-encoding, and that they are UTF-8.")
				: StatusProblems.of(status);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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

	/** A parameter that could not be bound, in our words; its value is not echoed. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
					RefusedParameterException.describe(ex)));
	}

	/** A body that is not JSON, or a field of it that is refused, in our words. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = jsonCause(ex);
		String detail;
		if (json != null) {
			detail = JsonReasons.describe(json);
		}
		else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			detail = "This request needs a JSON body.";
		}
		else {
			detail = "The body could not be read as JSON.";
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail));
	}

	/** Parameters that break their declared limits ({@code @Min}, {@code @Max}). */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> result.getMethodParameter().getParameterName() + " "
						+ ((error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid")))
			.sorted()
			.collect(java.util.stream.Collectors.joining("; "));
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
					detail.isEmpty() ? "Some parameters are invalid." : detail));
	}

	private static JacksonException jsonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	private static Map<String, String> describe(FieldError error) {
		return Map.of("field", error.getField(), "message",
				(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.of(status, type, title, detail);
	}

}
