package io.aftercare.customer;

/**
 * A customer's id and name, for lists and matching.
 */
public record NamedCustomer(CustomerId id, String name) {

}
