package io.aftercare.drafting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of drafting.
 *
 * @param writer who writes drafts: {@code template} (the default) or {@code model}, the
 * chat model Spring AI configures ({@code spring.ai.model.chat}); without one configured,
 * {@code model} writes with the templates and says so at start-up
 * @param timeout how long one call to the model may take before the template writes
 * instead
 * @param customerWords how many characters of the customer's own comments the model is
 * given, newest kept
 */
@ConfigurationProperties("aftercare.drafting")
record DraftingSettings(@DefaultValue("template") WriterChoice writer, @DefaultValue("PT20S") Duration timeout,
		@DefaultValue("4000") int customerWords) {

	enum WriterChoice {

		TEMPLATE, MODEL

	}

}
