package io.aftercare.chat.intent;

import org.springframework.util.Assert;

/**
 * A contact of a customer the CSM owns, as offered to {@link Book}: naming them ("write
 * to David at TechFlow", "ping Rachel") names their customer.
 *
 * @param id the contact's id
 * @param customerId the id of the contact's customer
 * @param name the contact's full name as stored ("David Park")
 */
public record ContactName(long id, long customerId, String name) {

	public ContactName {
		Assert.notNull(name, "Name must not be null");
	}

}
