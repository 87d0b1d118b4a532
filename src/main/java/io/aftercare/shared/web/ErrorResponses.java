package io.aftercare.shared.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the errors that never reach a controller's exception handling: those raised by
 * the web server (a method it refuses such as TRACE, a form larger than it accepts), by
 * Spring Security's firewall, and failures nobody handled. Replaces Spring Boot's default
 * error controller, whose JSON is not a problem detail. The API, and every client that
 * does not ask for HTML, gets an RFC 9457 problem detail; a browser on a chat page gets a
 * readable page. Neither says anything about the cause of a failure, which is logged.
 */
@Controller
@Hidden
@RequestMapping("${server.error.path:/error}")
class ErrorResponses implements ErrorController {

	private final DataSize maxFormPost;

	ErrorResponses(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormPost) {
		this.maxFormPost = maxFormPost;
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	Object page(HttpServletRequest request) {
		if (isApi(request)) {
			return problem(request);
		}
		HttpStatus status = status(request);
		return new ModelAndView("error", Map.of("title", status.getReasonPhrase(), "detail", detail(status)), status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = StatusProblems.of(status, detail(status));
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			problem.setInstance(URI.create(uri));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String detail(HttpStatus status) {
		if (status == HttpStatus.CONTENT_TOO_LARGE) {
			return "The request is larger than Aftercare accepts: a form may send at most "
					+ this.maxFormPost.toKilobytes() + " KB.";
		}
		return StatusProblems.detail(status);
	}

	/**
	 * The status of the error being shown; none when someone asks for {@code /error}
	 * itself, which is no page of Aftercare's: not found.
	 */
	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return StatusProblems.status((code instanceof Integer value) ? value : 404);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
				&& uri.startsWith("/api/");
	}

}
