/**
 * The chat's optional language model, through Spring AI: reads a message the chat's own
 * parser did not understand. Only the message is sent; the answer is checked by
 * {@link io.aftercare.chat.intent.ModelAnswer} before use.
 */
package io.aftercare.chat.model;
