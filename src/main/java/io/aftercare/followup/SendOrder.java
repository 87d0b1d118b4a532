package io.aftercare.followup;

/**
 * The data of an entry in the send queue: which follow-up to send. Everything else (the
 * wording, the Message-ID, how far it got) is read from the follow-up when the entry
 * runs.
 */
record SendOrder(long followUpId) {
}
