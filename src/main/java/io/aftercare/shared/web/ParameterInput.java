package io.aftercare.shared.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import io.aftercare.shared.Text;
import io.aftercare.shared.TimeRange;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one guard of every query, path and form parameter, for the API and the chat alike:
 * text that cannot be stored (a NUL character, a lone UTF-16 surrogate) and a time or
 * date outside {@link TimeRange} are refused while the parameter is bound. The refusal
 * surfaces as Spring's type mismatch with a {@link RefusedParameterException} as its
 * cause, which the web edge answers with 400 (or, in the chat, a readable message).
 */
@ControllerAdvice
class ParameterInput {

	@InitBinder
	void guard(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new Guarded((text) -> {
			String problem = Text.unstorable(text);
			if (problem != null) {
				throw new RefusedParameterException(problem);
			}
			return text;
		}));
		binder.registerCustomEditor(Instant.class, new Guarded(ParameterInput::instant));
		binder.registerCustomEditor(LocalDate.class, new Guarded(ParameterInput::date));
	}

	private static Instant instant(String text) {
		if (text.isBlank()) {
			return null;
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new RefusedParameterException("must be a timestamp such as 2026-11-01T09:30:00Z");
		}
		refuseOutside(TimeRange.outside(instant));
		return instant;
	}

	private static LocalDate date(String text) {
		if (text.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RefusedParameterException("must be a date such as 2027-03-31");
		}
		refuseOutside(TimeRange.outside(date));
		return date;
	}

	private static void refuseOutside(String problem) {
		if (problem != null) {
			throw new RefusedParameterException(problem);
		}
	}

	/** Binds the text through a reading that may refuse it. */
	private static final class Guarded extends PropertyEditorSupport {

		private final Function<String, Object> read;

		Guarded(Function<String, Object> read) {
			this.read = read;
		}

		@Override
		public void setAsText(String text) {
			setValue((text != null) ? this.read.apply(text) : null);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

}
