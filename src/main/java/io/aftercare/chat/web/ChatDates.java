package io.aftercare.chat.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats dates for the chat pages ({@code ${@chatDates.day(instant, zone)}}), in the
 * CSM's zone the page was drawn for.
 */
@Component("chatDates")
public class ChatDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH);

	public String day(Instant instant, ZoneId zone) {
		return (instant != null) ? dayOf(instant, zone) : "";
	}

	/** The day as every chat page and card writes it: "Tue, Dec 1". */
	static String dayOf(Instant instant, ZoneId zone) {
		return DAY.format(instant.atZone(zone));
	}

}
