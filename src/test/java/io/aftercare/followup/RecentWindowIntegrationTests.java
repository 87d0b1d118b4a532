package io.aftercare.followup;

import java.util.List;
import java.util.Map;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.CsmDirectory;
import io.aftercare.chat.ChatEntry;
import io.aftercare.chat.Conversation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aftercare.assessment.recent-window} decides how far back a resolved ticket is
 * recent enough to follow up on, in the API and in the chat alike. Acme's newest ticket
 * was resolved 4 days ago: outside a window of 3 days.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = { "aftercare.assessment.recent-window=3d",
		"spring.datasource.url=jdbc:h2:mem:aftercare-recent-window;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class RecentWindowIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	Conversation conversation;

	@Autowired
	CsmDirectory csms;

	@Test
	void theApiFindsNoRecentTicketToFollowUpOnOutsideTheWindow() {
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		sam.post("/api/customers/" + sam.customerId("acme") + "/ticket-followup", Map.of())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Acme Corp has no ticket resolved in the last 3 days to follow up on.");
	}

	@Test
	void theChatFindsNoRecentTicketToFollowUpOnOutsideTheWindow() {
		List<ChatEntry> turn = this.conversation.say(this.csms.find("sam").orElseThrow(), "Follow up with Acme");
		assertThat(turn.get(turn.size() - 1).text())
			.isEqualTo("Acme Corp has no ticket resolved in the last 3 days, so there is nothing to follow up on yet.");
	}

}
