package io.aftercare.assessment;

import org.springframework.util.Assert;

/**
 * Extra help the CSM can offer in a follow-up, worded twice: for the CSM who reads why
 * ("A review of their recent tickets to look for a pattern") and for the customer who
 * reads the email ("A review of your recent tickets together, to look for a pattern").
 */
public record Offer(String forCsm, String forCustomer) {

	public Offer {
		Assert.hasText(forCsm, "An offer needs the CSM's wording");
		Assert.hasText(forCustomer, "An offer needs the customer's wording");
	}

}
