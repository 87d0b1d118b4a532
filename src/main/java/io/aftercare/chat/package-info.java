/**
 * The chat: a CSM types what they want in their own words ("Follow up with TechFlow on
 * ticket TF-2024-0847") and Aftercare answers with the ticket details, the customer
 * impact, the level it chose and why, and the draft, with buttons to edit, add a reminder
 * and send. The intent parser lives in {@code chat.intent}; the pages and fragments in
 * {@code chat.web}.
 */
package io.aftercare.chat;
