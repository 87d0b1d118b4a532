package io.aftercare.chat.intent;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * A stretch of time a CSM named ("last week", "since Monday", "in the last 2 weeks").
 *
 * @param from the start, inclusive
 * @param to the end, exclusive; {@code null} for up to now
 */
public record TimeWindow(Instant from, Instant to) {

	public TimeWindow {
		Assert.notNull(from, "A window needs a start");
		Assert.isTrue(to == null || to.isAfter(from), "A window must end after it starts");
	}

}
