package io.aftercare.chat;

import io.aftercare.chat.model.SpringAiIntentModel;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat's language model: the one Spring AI configures ({@code spring.ai.model.chat},
 * off by default), when the chat may use it. Without it the chat understands what its own
 * parser understands, and nothing else changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatSettings.class)
class ChatConfiguration {

	@Bean
	ModelReader modelReader(ObjectProvider<ChatModel> models, ChatSettings settings) {
		ChatModel model = settings.model().enabled() ? models.getIfUnique() : null;
		IntentModel intents = (model != null) ? new SpringAiIntentModel(model, settings.model().timeout())
				: IntentModel.NONE;
		return new ModelReader(intents, settings.model().timeout());
	}

}
