package io.aftercare.drafting;

import io.aftercare.drafting.model.SpringAiDraftModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The writer a workspace chose ({@code aftercare.drafting.writer}): the templates, or the
 * chat model Spring AI configures ({@code spring.ai.model.chat}), the same one the chat
 * uses, with the templates to fall back on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DraftingSettings.class)
class DraftingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DraftingConfiguration.class);

	@Bean
	Drafting drafting(TemplateDraftWriter templates, ObjectProvider<ChatModel> models, DraftingSettings settings) {
		DraftModel model = null;
		if (settings.writer() == DraftingSettings.WriterChoice.MODEL) {
			ChatModel chat = models.getIfUnique();
			if (chat != null) {
				model = new SpringAiDraftModel(chat, settings.timeout());
			}
			else {
				log.warn("aftercare.drafting.writer=model, but no chat model is configured "
						+ "(spring.ai.model.chat): drafts are written with the templates");
			}
		}
		return new Drafting(templates, model, settings.timeout(), settings.customerWords());
	}

}
