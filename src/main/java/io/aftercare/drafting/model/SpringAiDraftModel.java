package io.aftercare.drafting.model;

import java.time.Duration;
import java.util.List;

import io.aftercare.drafting.DraftModel;
import io.aftercare.shared.model.ModelCalls;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Writes a draft with a Spring AI chat model: the instructions as the system message, the
 * facts as the user message. With an OpenAI-compatible model the request carries the
 * writer's timeout and no retries of its own (the writer retries once, with what the
 * checker found, and then falls back).
 */
public final class SpringAiDraftModel implements DraftModel {

	private final ChatModel model;

	private final Duration timeout;

	public SpringAiDraftModel(ChatModel model, Duration timeout) {
		this.model = model;
		this.timeout = timeout;
	}

	@Override
	public Answer write(String instructions, String facts) {
		List<org.springframework.ai.chat.messages.Message> messages = List.of(new SystemMessage(instructions),
				new UserMessage(facts));
		Prompt prompt = (this.model instanceof OpenAiChatModel openAi) ? new Prompt(messages, options(openAi))
				: new Prompt(messages);
		ChatResponse response = this.model.call(prompt);
		return new Answer(ModelCalls.text(response).orElse(null), tokens(response));
	}

	private static int tokens(ChatResponse response) {
		if (response == null || response.getMetadata() == null) {
			return 0;
		}
		Usage usage = response.getMetadata().getUsage();
		Integer total = (usage != null) ? usage.getTotalTokens() : null;
		return (total != null) ? total : 0;
	}

	private OpenAiChatOptions options(OpenAiChatModel openAi) {
		// The writer's own timeout is the one that counts; the client's is a backstop.
		return ModelCalls.options(openAi, this.timeout.plusSeconds(2)).temperature(0.4).build();
	}

}
