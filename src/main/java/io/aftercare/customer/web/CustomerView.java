package io.aftercare.customer.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerTier;

/**
 * A customer as the API shows it.
 */
record CustomerView(long id, String name, CustomerTier tier, BigDecimal arr, Integer employees, LocalDate renewalDate,
		String owner, boolean atRisk, Integer healthScore) {

	static CustomerView of(Customer c) {
		return new CustomerView(c.id().value(), c.name(), c.tier(), c.arr(), c.employees(), c.renewalDate(),
				c.ownerUsername(), c.atRisk(), c.healthScore());
	}

}
