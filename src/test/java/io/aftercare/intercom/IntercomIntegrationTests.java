package io.aftercare.intercom;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aftercare.connector.ConnectorIntegrationTest;
import io.aftercare.connector.DeskServers;
import io.aftercare.connector.DeskSigning;
import io.aftercare.connector.SyncCursors;
import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.customer.CustomerTier;
import io.aftercare.shared.SourceKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Intercom's webhook notifications and the conversations search backfill, through real
 * HTTP, against a local server speaking Intercom's API (version 2.11 shapes: the
 * {@code notification_event} envelope, conversations with {@code source},
 * {@code contacts}, {@code statistics}, {@code conversation_rating} and
 * {@code conversation_parts}; search pages with {@code pages.next.starting_after}).
 */
@ConnectorIntegrationTest
class IntercomIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerRegistry customers;

	@Autowired
	IntercomSync sync;

	@Autowired
	SyncCursors cursors;

	WireMockServer intercom = DeskServers.server();

	String company;

	String conversation;

	@BeforeEach
	void aCustomerTakenInUnderItsIntercomCompany() {
		this.intercom.resetAll();
		this.company = "65" + ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
		this.conversation = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 900_000_000_000L));
		this.customers.upsert(new CustomerRecord(new SourceKey("intercom", this.company), "Globex " + this.company,
				CustomerTier.ENTERPRISE, new BigDecimal("90000"), 300, null, "sam", false));
		this.intercom.stubFor(get(urlPathMatching("/intercom/contacts/.*")).willReturn(okJson("""
				{"type":"contact","id":"6630d1f2","role":"user","email":"jo@globex.example","name":"Jo Miller",
				 "companies":{"type":"list","data":[{"type":"company","id":"%s","url":"/companies/%s"}],
				  "url":"/contacts/6630d1f2/companies","total_count":1,"has_more":false}}""".formatted(this.company,
				this.company))));
	}

	static String conversation(String id, String state, long created, long updated, String rating, String parts) {
		return """
				{"type":"conversation","id":"%1$s","title":null,"created_at":%2$d,"updated_at":%3$d,
				 "waiting_since":null,"snoozed_until":null,"open":%4$s,"state":"%5$s","read":true,
				 "priority":"priority","admin_assignee_id":5017691,"team_assignee_id":null,
				 "tags":{"type":"tag.list","tags":[{"type":"tag","id":"17","name":"Billing"}]},
				 "conversation_rating":%6$s,
				 "source":{"type":"conversation","id":"2105731","delivered_as":"customer_initiated","subject":"",
				  "body":"<p>Our refund is still missing &amp; it has been a week.</p>",
				  "author":{"type":"user","id":"6630d1f2","name":"Jo Miller","email":"jo@globex.example"},
				  "attachments":[],"url":null,"redacted":false},
				 "contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"6630d1f2","external_id":"cust-42"}]},
				 "statistics":{"type":"conversation_statistics","time_to_admin_reply":300,"first_close_at":%3$d,
				  "last_close_at":%3$d,"last_closed_by_id":"5017691","count_reopens":0,"count_assignments":1},
				 "custom_attributes":{"Issue type":"Billing"},
				 "conversation_parts":{"type":"conversation_part.list","conversation_parts":[%7$s],"total_count":1}}"""
			.formatted(id, created, updated, !state.equals("closed"), state, rating, parts);
	}

	static String part(String id, String type, String authorType, String body, long at) {
		return """
				{"type":"conversation_part","id":"%s","part_type":"%s","body":"%s","created_at":%d,"updated_at":%d,
				 "notified_at":%d,"assigned_to":null,"author":{"id":"5017691","type":"%s","name":"Ana"},
				 "attachments":[],"external_id":null,"redacted":false}""".formatted(id, type, body, at, at, at,
				authorType);
	}

	static String notification(String id, String topic, long created, String item) {
		return """
				{"type":"notification_event","app_id":"a86dr8yl","id":"%s","topic":"%s","created_at":%d,
				 "delivery_status":"pending","delivery_attempts":1,"delivered_at":0,"first_sent_at":%d,"links":{},
				 "self":null,"data":{"type":"notification_event_data","item":%s}}""".formatted(id, topic, created,
				created, item);
	}

	ResponseSpec post(String body, String signature) {
		return this.http.post().uri("/webhooks/intercom").contentType(MediaType.APPLICATION_JSON).headers((h) -> {
			if (signature != null) {
				h.set("X-Hub-Signature", signature);
			}
			h.set("User-Agent", "intercom-parrot-service-client/1.0");
		}).body(body).exchange();
	}

	ResponseSpec signed(String body) {
		return post(body, DeskSigning.intercom(DeskSigning.INTERCOM_SECRET, body));
	}

	Map<String, Object> stored() {
		return this.jdbc.sql("""
				select t.status, t.priority, t.resolved_at, t.reopen_count, t.satisfaction_rating, t.subject,
				    c.external_id as company, k.email,
				    (select count(*) from ticket_comments m where m.ticket_id = t.id) as comments
				from tickets t join customers c on c.id = t.customer_id
				left join contacts k on k.id = t.requester_contact_id
				where t.source_system = 'intercom' and t.external_id = :id
				""").param("id", this.conversation).query().listOfRows().stream().findFirst().orElse(null);
	}

	@Test
	void aClosedConversationBecomesAResolvedTicketOfTheContactsCompanyThenReopensAndIsRated() {
		long now = Instant.now().getEpochSecond();
		String closed = conversation(this.conversation, "closed", now - 86_400, now - 10, "null",
				part("901", "comment", "admin", "<p>Refund re-issued today.</p>", now - 10));
		signed(notification("notif_" + this.conversation + "-1", "conversation.admin.closed", now - 5, closed))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo("STORED");

		await().atMost(Duration.ofSeconds(10)).until(() -> stored() != null);
		Map<String, Object> ticket = stored();
		assertThat(ticket).containsEntry("status", "SOLVED")
			.containsEntry("priority", "HIGH")
			.containsEntry("company", this.company)
			.containsEntry("email", "jo@globex.example")
			.containsEntry("subject", "Our refund is still missing & it has been a week.");
		assertThat(((Number) ticket.get("comments")).intValue()).isEqualTo(2);

		String reopened = conversation(this.conversation, "open", now - 86_400, now - 4, "null",
				part("902", "comment", "user", "<p>Still not there.</p>", now - 4));
		signed(notification("notif_" + this.conversation + "-2", "conversation.user.replied", now - 3, reopened))
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(10)).until(() -> "OPEN".equals(stored().get("status")));
		assertThat(stored()).containsEntry("reopen_count", 1);

		String rated = conversation(this.conversation, "closed", now - 86_400, now - 2, """
				{"rating":2,"remark":"Took a week","created_at":%d,"contact":{"type":"contact","id":"6630d1f2"},
				 "teammate":{"type":"admin","id":"5017691"}}""".formatted(now - 2), "");
		signed(notification("notif_" + this.conversation + "-3", "conversation.rating.added", now - 1, rated))
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(10)).until(() -> "bad".equals(stored().get("satisfaction_rating")));
		assertThat(stored()).containsEntry("status", "SOLVED").containsEntry("reopen_count", 1);
	}

	@Test
	void refusesUnsignedWronglySignedStaleAndMalformedNotificationsAndIgnoresARedelivery() {
		long now = Instant.now().getEpochSecond();
		String body = notification("notif_" + this.conversation, "conversation.admin.closed", now,
				conversation(this.conversation, "closed", now - 100, now, "null", ""));

		post(body, null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		post(body, DeskSigning.intercom("not the secret", body)).expectStatus().isUnauthorized();
		post(body.replace("closed", "open"), DeskSigning.intercom(DeskSigning.INTERCOM_SECRET, body)).expectStatus()
			.isUnauthorized();
		String old = notification("notif_old" + this.conversation, "conversation.admin.closed", now - 3 * 86_400,
				conversation(this.conversation, "closed", now - 4 * 86_400, now - 3 * 86_400, "null", ""));
		signed(old).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://aftercare.io/problems/webhook-stale");
		signed("{\"type\":\"something\"}").expectStatus().isBadRequest();
		for (String notATime : List.of("1e19", "99999999999999999999", "253402300800", "\"yesterday\"")) {
			signed(body.replaceFirst("\"created_at\":\\d+", "\"created_at\":" + notATime)).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.detail")
				.value(String.class, (detail) -> assertThat(detail).contains("created_at is not a time"));
		}

		signed(body).expectStatus().isOk().expectBody().jsonPath("$.received").isEqualTo("STORED");
		signed(body).expectStatus().isOk().expectBody().jsonPath("$.received").isEqualTo("DUPLICATE");
		assertThat(this.jdbc.sql("select count(*) from webhook_inbox where source = 'intercom' and event_id = :id")
			.param("id", "notif_" + this.conversation)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theBackfillSearchesPageByPageWaitsOutA429AndStoresEveryConversationOnce() {
		this.cursors.reset(IntercomSync.NAME);
		long now = Instant.now().getEpochSecond();
		String first = this.conversation;
		String second = String.valueOf(Long.parseLong(first) + 1);
		String third = String.valueOf(Long.parseLong(first) + 2);
		this.intercom.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.post(urlPathEqualTo("/intercom/conversations/search"))
			.withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("WzE3MTQ2NjgwNTUwMDAsMl0=")))
			.inScenario("rate limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("X-RateLimit-Limit", "10000")
				.withHeader("X-RateLimit-Remaining", "0")
				.withHeader("X-RateLimit-Reset", String.valueOf(now)))
			.willSetStateTo("waited"));
		this.intercom.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.post(urlPathEqualTo("/intercom/conversations/search"))
			.withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("WzE3MTQ2NjgwNTUwMDAsMl0=")))
			.inScenario("rate limit")
			.whenScenarioStateIs("waited")
			.willReturn(okJson(searchPage(null, conversation(third, "open", now - 500, now - 400, "null", "")))));
		this.intercom.stubFor(
				com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/intercom/conversations/search"))
					.withRequestBody(matchingJsonPath("$.query.field", equalTo("updated_at")))
					.withRequestBody(matchingJsonPath("$.pagination.per_page"))
					.atPriority(10)
					.willReturn(okJson(searchPage("WzE3MTQ2NjgwNTUwMDAsMl0=",
							conversation(first, "closed", now - 900, now - 800, "null", ""),
							conversation(second, "open", now - 700, now - 600, "null", "")))));
		this.intercom.stubFor(
				get(urlPathEqualTo("/intercom/conversations/" + first)).willReturn(okJson(conversation(first, "closed",
						now - 900, now - 800, "{\"rating\":5,\"remark\":\"Great\",\"created_at\":" + (now - 800) + "}",
						part("903", "note", "admin", "<p>Refund approved by finance.</p>", now - 850)))));

		IntercomSync.Run run = this.sync.run();

		assertThat(run.caughtUp()).isTrue();
		assertThat(run.pages()).isEqualTo(2);
		assertThat(run.stored().created()).isEqualTo(3);
		assertThat(
				this.jdbc.sql("select count(*) from tickets where source_system = 'intercom' and external_id in (:ids)")
					.param("ids", java.util.List.of(first, second, third))
					.query(Long.class)
					.single())
			.isEqualTo(3);
		this.intercom.verify(3, postRequestedFor(urlPathEqualTo("/intercom/conversations/search")));
		assertThat(this.jdbc.sql("""
				select satisfaction_rating from tickets where source_system = 'intercom' and external_id = :id
				""").param("id", first).query(String.class).single()).isEqualTo("good");
		assertThat(this.jdbc.sql("""
				select count(*) from ticket_comments m join tickets t on t.id = m.ticket_id
				where t.source_system = 'intercom' and t.external_id = :id and not m.is_public
				""").param("id", first).query(Long.class).single()).as("the note, internal").isEqualTo(1);
		assertThat(this.cursors.find(IntercomSync.NAME).orElseThrow().phase()).isEqualTo(SyncCursors.Phase.CATCH_UP);
	}

	static String searchPage(String next, String... conversations) {
		return """
				{"type":"conversation.list","pages":{"type":"pages","page":%d,"per_page":2,"total_pages":2%s},
				 "total_count":3,"conversations":[%s]}""".formatted((next != null) ? 1 : 2,
				(next != null) ? ",\"next\":{\"page\":2,\"starting_after\":\"" + next + "\"}" : "",
				String.join(",", conversations));
	}

}
