package io.aftercare.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the chat.
 *
 * @param model how the chat uses a language model, when one is configured
 */
@ConfigurationProperties("aftercare.chat")
record ChatSettings(@DefaultValue LanguageModel model) {

	/**
	 * @param enabled whether the chat asks the configured language model (Spring AI,
	 * {@code spring.ai.model.chat}) about messages it does not understand by itself; with
	 * no model configured this changes nothing
	 * @param timeout how long the chat waits for the model's answer before answering
	 * without it
	 */
	record LanguageModel(@DefaultValue("true") boolean enabled, @DefaultValue("PT3S") Duration timeout) {

	}

}
