package io.aftercare.chat.intent;

import org.springframework.util.Assert;

/**
 * A customer the CSM may mean, as offered to {@link CustomerMatcher}.
 *
 * @param id the customer's id
 * @param name the customer's name as stored ("TechFlow Inc.")
 */
public record CustomerName(long id, String name) {

	public CustomerName {
		Assert.notNull(name, "Name must not be null");
	}

}
