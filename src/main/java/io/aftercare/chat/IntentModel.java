package io.aftercare.chat;

import java.util.Optional;

/**
 * A language model that reads a chat message the deterministic parser did not understand,
 * and answers what it asks for as JSON of the shape
 * {@link io.aftercare.chat.intent.ModelAnswer#SCHEMA} describes. It is only ever given
 * the message itself: never the CSM's book, contacts, tickets or drafts. Its answer is
 * checked against the book before the chat acts on it.
 */
public interface IntentModel {

	/** No model: the chat answers from its own parser alone. */
	IntentModel NONE = new IntentModel() {

		@Override
		public Optional<String> read(String message) {
			return Optional.empty();
		}

		@Override
		public boolean isAvailable() {
			return false;
		}

	};

	/**
	 * The model's answer to the message, as text; empty when it gave none.
	 * @param message what the CSM typed
	 * @throws RuntimeException when the model cannot be reached or fails
	 */
	Optional<String> read(String message);

	/** Whether a model is there to ask. */
	default boolean isAvailable() {
		return true;
	}

}
