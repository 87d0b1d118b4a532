package io.aftercare.chat.web;

import java.time.Clock;
import java.util.List;

import io.aftercare.chat.ChatEntry;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.web.RefusedParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the chat says when a request of its own cannot be served: a parameter it cannot
 * use, a follow-up that is gone, an action the follow-up's state refuses. htmx gets a
 * message appended to the conversation (status 200, so that htmx shows it); a browser
 * that asked for the page itself gets a readable error page. Never a problem detail's raw
 * JSON.
 */
@ControllerAdvice(assignableTypes = ChatController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChatErrors {

	private final Clock clock;

	ChatErrors(Clock clock) {
		this.clock = clock;
	}

	@ExceptionHandler
	ModelAndView unusable(TypeMismatchException ex, HttpServletRequest request, HttpServletResponse response) {
		return say("I couldn't use that: " + RefusedParameterException.describe(ex) + ".", HttpStatus.BAD_REQUEST,
				request, response);
	}

	@ExceptionHandler
	ModelAndView missing(MissingServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return say("I couldn't use that: " + ex.getParameterName() + " is missing.", HttpStatus.BAD_REQUEST, request,
				response);
	}

	@ExceptionHandler
	ModelAndView invalid(HandlerMethodValidationException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return say("I couldn't use that: some of it is not valid.", HttpStatus.BAD_REQUEST, request, response);
	}

	@ExceptionHandler
	ModelAndView undecodable(InvalidParameterException ex, HttpServletRequest request, HttpServletResponse response) {
		return say(
				(ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())
						? "That is more than I can take in one go. Please send something shorter."
						: "I couldn't read that: some characters were not sent the way a browser sends them.",
				HttpStatus.BAD_REQUEST, request, response);
	}

	@ExceptionHandler({ InvalidInputException.class, IllegalArgumentException.class })
	ModelAndView invalid(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		return say(ex.getMessage(), HttpStatus.BAD_REQUEST, request, response);
	}

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return say(ex.getMessage(), HttpStatus.NOT_FOUND, request, response);
	}

	@ExceptionHandler
	ModelAndView refused(RefusedException ex, HttpServletRequest request, HttpServletResponse response) {
		return say(ex.getMessage(), HttpStatus.CONFLICT, request, response);
	}

	private ModelAndView say(String text, HttpStatus status, HttpServletRequest request, HttpServletResponse response) {
		if (!"true".equals(request.getHeader("HX-Request"))) {
			return new ModelAndView("error", java.util.Map.of("title", status.getReasonPhrase(), "detail", text),
					status);
		}
		// Whatever element the request came from, the answer belongs in the conversation.
		response.setHeader("HX-Retarget", "#log");
		response.setHeader("HX-Reswap", "beforeend");
		ChatEntry entry = new ChatEntry(null, request.getRemoteUser(), ChatEntry.Author.AFTERCARE, ChatEntry.Kind.TEXT,
				text, null, null, List.of(), this.clock.instant());
		return new ModelAndView("chat/fragments :: messages",
				java.util.Map.of("messages", List.of(new MessageView(entry, null, List.of(), List.of()))),
				HttpStatus.OK);
	}

}
