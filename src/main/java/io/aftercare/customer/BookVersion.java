package io.aftercare.customer;

import java.time.Instant;

/**
 * Which state of a CSM's book of customers a copy was made from: how many customers it
 * holds and when the last of them changed (a customer's change time also moves when its
 * contacts change). A customer added, renamed, handed over or given a contact gives
 * another version; reading it costs one aggregate over the CSM's customers, not the
 * names.
 */
public record BookVersion(long customers, Instant lastChanged) {

}
