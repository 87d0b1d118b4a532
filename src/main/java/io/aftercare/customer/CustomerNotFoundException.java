package io.aftercare.customer;

import io.aftercare.shared.NotFoundException;

/**
 * No such customer in the signed-in CSM's book.
 */
public class CustomerNotFoundException extends NotFoundException {

	public CustomerNotFoundException(CustomerId id) {
		super("No customer " + id.value() + " in your book.");
	}

}
