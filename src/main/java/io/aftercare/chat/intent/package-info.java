/**
 * Reading what a CSM types in the chat.
 * <p>
 * {@link io.aftercare.chat.intent.IntentParser} turns free text into an
 * {@link io.aftercare.chat.intent.Intent};
 * {@link io.aftercare.chat.intent.CustomerMatcher} finds the customers a typed name may
 * mean and {@link io.aftercare.chat.intent.TicketMatcher} the tickets a few words
 * describe. Pure logic: no Spring beans, no I/O, the same text always gives the same
 * answer.
 */
package io.aftercare.chat.intent;
