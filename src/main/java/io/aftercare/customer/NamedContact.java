package io.aftercare.customer;

/**
 * A contact by name only, with their customer: what a forgiving name match needs.
 */
public record NamedContact(ContactId id, CustomerId customerId, String name) {

}
