/**
 * The CSM's book of business: customers (tier, ARR, renewal, owner, at-risk flag), their
 * contacts, and the health score history. {@link io.aftercare.customer.CustomerBook}
 * answers questions about them for a given CSM;
 * {@link io.aftercare.customer.CustomerRegistry} takes records in from other systems.
 */
package io.aftercare.customer;
