package io.aftercare.chat.intent;

/**
 * A customer a typed name may mean.
 *
 * @param id the customer's id
 * @param name the customer's name as stored
 * @param distance how far the typed name is from this one after normalising: 0 for the
 * same name, the number of characters not typed for a prefix ("acme" is 4 from "Acme
 * Widgets"), the number of typos otherwise
 */
public record CustomerMatch(long id, String name, int distance) {

}
