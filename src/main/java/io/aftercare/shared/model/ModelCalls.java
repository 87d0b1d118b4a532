package io.aftercare.shared.model;

import java.time.Duration;
import java.util.Optional;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * What every call to a language model shares, the chat's reading and the drafts' writing
 * alike: the options configured for the model (its name, its key, no retries by the
 * client: {@code spring.ai.openai.max-retries} in application.yml) with the caller's
 * patience as the request's timeout, and the answer's text.
 */
public final class ModelCalls {

	private ModelCalls() {
	}

	/** The model's configured options, with the call's timeout. */
	public static OpenAiChatOptions.Builder options(OpenAiChatModel model, Duration timeout) {
		OpenAiChatOptions configured = model.getOptions();
		OpenAiChatOptions.Builder options = (configured != null) ? configured.mutate() : OpenAiChatOptions.builder();
		return options.timeout(timeout);
	}

	/** The answer's text; empty when the model answered nothing. */
	public static Optional<String> text(ChatResponse response) {
		if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(response.getResult().getOutput().getText());
	}

}
