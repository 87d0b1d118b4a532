package io.aftercare.drafting;

import java.util.List;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.chat.ChatEntry;
import io.aftercare.chat.Conversation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chat does with "make it shorter" and "in German" when drafts are written from
 * the templates (the default): the language switches, a style needs the language model
 * and says so. Shares the chat's integration context and database.
 */
@AftercareIntegrationTest
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-conversation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ChatRewriteIntegrationTests {

	@Autowired
	Conversation conversation;

	@Autowired
	CsmDirectory csms;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCsmSwitchesTheDraftToGermanAndBackToTheTemplateInTheChat() {
		Csm sam = this.csms.find("sam").orElseThrow();
		ChatEntry card = last(this.conversation.say(sam, "Follow up with TechFlow on ticket TF-2024-0847"));
		assertThat(card.kind()).isEqualTo(ChatEntry.Kind.FOLLOWUP);

		try {
			switchesToGermanButCannotMakeItShorter(sam, card);
		}
		finally {
			// The chat's other tests expect TechFlow's ticket without a draft.
			this.jdbc.sql("update support_followups set status = 'DISCARDED' where id = :id")
				.param("id", card.followUpId())
				.update();
		}
	}

	private void switchesToGermanButCannotMakeItShorter(Csm sam, ChatEntry card) {
		ChatEntry german = last(this.conversation.say(sam, "in German"));

		assertThat(german.kind()).isEqualTo(ChatEntry.Kind.FOLLOWUP);
		assertThat(german.followUpId()).isEqualTo(card.followUpId());
		assertThat(german.text()).isEqualTo("Here it is from the template, in German.");
		assertThat(body(german.followUpId())).startsWith("Hallo David,");
		assertThat(this.jdbc.sql("select language from support_followups where id = :id")
			.param("id", german.followUpId())
			.query(String.class)
			.single()).isEqualTo("de");

		ChatEntry shorter = last(this.conversation.say(sam, "make it shorter"));

		assertThat(shorter.kind()).isEqualTo(ChatEntry.Kind.TEXT);
		assertThat(shorter.text()).contains("needs the language-model writer, which is not switched on");
		assertThat(body(german.followUpId())).as("nothing changed").startsWith("Hallo David,");
	}

	private String body(long followUpId) {
		return this.jdbc.sql("select coalesce(edited_body, generated_body) from support_followups where id = :id")
			.param("id", followUpId)
			.query(String.class)
			.single();
	}

	private static ChatEntry last(List<ChatEntry> turn) {
		return turn.get(turn.size() - 1);
	}

}
