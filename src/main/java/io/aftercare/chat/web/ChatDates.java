package io.aftercare.chat.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats dates for the chat pages ({@code ${@chatDates.day(...)}}), in UTC like the rest
 * of the app.
 */
@Component("chatDates")
public class ChatDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	public String day(Instant instant) {
		return (instant != null) ? DAY.format(instant) : "";
	}

}
