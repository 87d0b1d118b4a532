package io.aftercare.chat;

import io.aftercare.chat.ChatEntry.Topic;
import io.aftercare.chat.intent.TimeWindow;

/**
 * What a CSM's conversation is about now: what "send it", "them" and "and for Acme?"
 * refer to.
 *
 * @param followUpId the follow-up shown last, {@code null} when none was
 * @param customerId the customer the latest answers were about, {@code null} when none
 * @param topic what the latest answer with a topic was about, {@code null} when none
 * @param window the time that answer covered, {@code null} when it named none
 */
record InView(Long followUpId, Long customerId, Topic topic, TimeWindow window) {

}
