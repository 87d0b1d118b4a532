package io.aftercare.zendesk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aftercare.connector.ConnectorIntegrationTest;
import io.aftercare.connector.DeskServers;
import io.aftercare.connector.SyncCursors;
import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.customer.CustomerTier;
import io.aftercare.shared.SourceKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Zendesk backfill against a local server speaking the Incremental Ticket Export
 * (cursor-based, with the {@code users}, {@code organizations} and {@code metric_sets}
 * sideloads, shaped as Zendesk's reference shows them) and the ticket comments endpoint.
 */
@ConnectorIntegrationTest
class ZendeskBackfillIntegrationTests {

	static final String EXPORT = "/api/v2/incremental/tickets/cursor.json";

	@Autowired
	ZendeskSync sync;

	@Autowired
	SyncCursors cursors;

	@Autowired
	CustomerRegistry customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient http;

	WireMockServer zendesk = DeskServers.server();

	String org;

	long firstTicket;

	@BeforeEach
	void aCustomerAndAFreshSync() {
		this.zendesk.resetAll();
		this.cursors.reset(ZendeskSync.NAME);
		this.org = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
		this.firstTicket = ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000);
		this.customers.upsert(new CustomerRecord(new SourceKey("zendesk", this.org), "Contoso " + this.org,
				CustomerTier.ENTERPRISE, new BigDecimal("250000"), 900, null, "sam", false));
		this.zendesk.stubFor(get(urlPathMatching("/api/v2/tickets/\\d+/comments.json")).willReturn(okJson("""
				{"comments":[
				  {"id":1274,"type":"Comment","author_id":90001,"body":"Our nightly export fails.",
				   "html_body":"<p>Our nightly export fails.</p>","plain_body":"Our nightly export fails.",
				   "public":true,"attachments":[],"audit_id":432,"via":{"channel":"email"},
				   "created_at":"2026-01-05T09:00:00Z","metadata":{}},
				  {"id":1275,"type":"Comment","author_id":70010,"body":"Fixed by re-indexing.",
				   "plain_body":"Fixed by re-indexing.","public":false,"attachments":[],"audit_id":433,
				   "via":{"channel":"web"},"created_at":"2026-01-06T10:00:00Z","metadata":{}}],
				 "users":[{"id":90001,"name":"Jo Miller","email":"jo@contoso.example","role":"end-user"},
				          {"id":70010,"name":"Ana Agent","email":"ana@support.example","role":"agent"}],
				 "next_page":null,"previous_page":null,"count":2}""")));
	}

	/**
	 * A page of the export: three tickets, the second solved, the third of
	 * {@code otherOrg}.
	 */
	String page(int number, String afterCursor, boolean endOfStream, String otherOrg) {
		List<String> tickets = new ArrayList<>();
		List<String> metrics = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long id = this.firstTicket + number * 10L + i;
			boolean solved = i == 1;
			String org = (i == 2 && otherOrg != null) ? otherOrg : this.org;
			Instant created = Instant.parse("2026-01-0" + number + "T08:00:00Z");
			Instant updated = created.plus(Duration.ofHours(30 + i));
			tickets.add("""
					{"url":"https://acme.zendesk.com/api/v2/tickets/%1$d.json","id":%1$d,"external_id":null,
					 "via":{"channel":"email","source":{"from":{"address":"jo@contoso.example"},"to":{},"rel":null}},
					 "created_at":"%2$s","updated_at":"%3$s","type":"incident","subject":"Export %1$d fails",
					 "raw_subject":"Export %1$d fails","description":"Our nightly export fails.","priority":"%4$s",
					 "status":"%5$s","recipient":null,"requester_id":%9$s,"submitter_id":90001,"assignee_id":70010,
					 "organization_id":%6$s,"group_id":3301,"collaborator_ids":[],"follower_ids":[],"email_cc_ids":[],
					 "has_incidents":false,"is_public":true,"due_at":null,"tags":["export","enterprise"],
					 "custom_fields":[],"satisfaction_rating":%7$s,"ticket_form_id":1,"brand_id":1,
					 "allow_channelback":false,"allow_attachments":true,"generated_timestamp":%8$d}""".formatted(id,
					created, updated, solved ? "urgent" : "normal", solved ? "solved" : "open", org,
					solved ? "{\"id\":777,\"score\":\"good\",\"comment\":\"Quick fix\"}" : "{\"score\":\"unoffered\"}",
					updated.getEpochSecond(), org.equals(this.org) ? "90001" : "90002"));
			metrics.add("""
					{"id":%d,"ticket_id":%d,"reopens":%d,"replies":2,"solved_at":%s,
					 "full_resolution_time_in_minutes":{"calendar":1800,"business":600},
					 "created_at":"%s","updated_at":"%s"}""".formatted(id + 1, id, solved ? 1 : 0,
					solved ? "\"" + updated + "\"" : "null", created, updated));
		}
		return """
				{"tickets":[%s],
				 "users":[{"id":90001,"url":"https://acme.zendesk.com/api/v2/users/90001.json","name":"Jo Miller",
				   "email":"jo@contoso.example","role":"end-user","organization_id":%s,"active":true,"verified":true,
				   "locale":"de-CH","locale_id":1,"time_zone":"Europe/Zurich"},
				   {"id":90002,"name":"Lee Park","email":"lee@fabrikam.example","role":"end-user"}],
				 "organizations":[{"id":%s,"url":"https://acme.zendesk.com/api/v2/organizations/%s.json",
				   "name":"Contoso","domain_names":["contoso.example"]}],
				 "metric_sets":[%s],
				 "after_url":"https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=%s",
				 "after_cursor":"%s","before_url":null,"before_cursor":null,"end_of_stream":%s}""".formatted(
				String.join(",", tickets), this.org, this.org, this.org, String.join(",", metrics), afterCursor,
				afterCursor, endOfStream);
	}

	void stubFirstPage() {
		this.zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start_time", matching("\\d+"))
			.withQueryParam("include", equalTo("users,organizations,metric_sets"))
			.willReturn(okJson(page(1, "c1", false, null))));
	}

	long stored() {
		return this.jdbc.sql("""
				select count(*) from tickets where source_system = 'zendesk'
				and external_id in (:ids)
				""")
			.param("ids",
					java.util.stream.LongStream.rangeClosed(this.firstTicket, this.firstTicket + 100)
						.mapToObj(String::valueOf)
						.toList())
			.query(Long.class)
			.single();
	}

	@Test
	void aBackfillOverSeveralPagesWaitsOutA429AndStoresEveryTicketOnce() {
		String unknownOrg = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000));
		stubFirstPage();
		this.zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
			.inScenario("rate limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("waited"));
		this.zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
			.inScenario("rate limit")
			.whenScenarioStateIs("waited")
			.willReturn(okJson(page(2, "c2", false, null))));
		this.zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c2"))
			.willReturn(okJson(page(3, "c3", true, unknownOrg))));

		ZendeskSync.Run run = this.sync.run();

		assertThat(run.caughtUp()).isTrue();
		assertThat(run.pages()).isEqualTo(3);
		assertThat(run.stored().created()).isEqualTo(8);
		assertThat(run.stored().held()).as("the ticket of an organization no customer is known for").isEqualTo(1);
		assertThat(stored()).isEqualTo(8);
		this.zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("start_time", matching("\\d+")));
		this.zendesk.verify(2, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1")));
		this.zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c2")));
		this.zendesk.verify(getRequestedFor(urlPathEqualTo(EXPORT)).withHeader("Authorization",
				equalTo("Basic " + java.util.Base64.getEncoder()
					.encodeToString("aftercare@acme.example/token:zendesk-test-token".getBytes()))));

		SyncCursors.Position position = this.cursors.find(ZendeskSync.NAME).orElseThrow();
		assertThat(position.cursor()).isEqualTo("c3");
		assertThat(position.phase()).isEqualTo(SyncCursors.Phase.CATCH_UP);

		long solved = this.firstTicket + 11;
		var row = this.jdbc.sql("""
				select t.status, t.priority, t.reopen_count, t.satisfaction_rating, t.resolved_at,
				    (select count(*) from ticket_comments c where c.ticket_id = t.id) as comments,
				    (select count(*) from ticket_comments c where c.ticket_id = t.id and c.author_kind = 'CUSTOMER'
				        and c.is_public) as customer_comments,
				    k.email, k.language
				from tickets t left join contacts k on k.id = t.requester_contact_id
				where t.source_system = 'zendesk' and t.external_id = :id
				""").param("id", String.valueOf(solved)).query().singleRow();
		assertThat(row).containsEntry("status", "SOLVED")
			.containsEntry("priority", "URGENT")
			.containsEntry("reopen_count", 1)
			.containsEntry("satisfaction_rating", "good")
			.containsEntry("email", "jo@contoso.example")
			.as("the requester's Zendesk locale: follow-ups to them are written in German")
			.containsEntry("language", "de-CH");
		assertThat(((Number) row.get("comments")).intValue()).isEqualTo(2);
		assertThat(((Number) row.get("customer_comments")).intValue()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from event_publication where event_type like '%TicketResolved'
				and serialized_event like :number
				""").param("number", "%\"ticketNumber\":\"" + solved + "\"%").query(Long.class).single())
			.as("history is announced as a backfill, which no listener takes for news")
			.isZero();

		this.http.get()
			.uri("/api/admin/connectors")
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.syncs[?(@.name == 'zendesk-tickets')].pages")
			.isEqualTo(3)
			.jsonPath("$.syncs[?(@.name == 'zendesk-tickets')].records")
			.isEqualTo(9)
			.jsonPath("$.syncs[?(@.name == 'zendesk-tickets')].phase")
			.isEqualTo("CATCH_UP");
	}

	@Test
	void aSyncThatStoppedMidBackfillResumesFromTheStoredCursor() {
		stubFirstPage();
		this.zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
			.willReturn(aResponse().withStatus(503)));

		ZendeskSync.Run stopped = this.sync.run();

		assertThat(stopped.caughtUp()).isFalse();
		assertThat(stopped.pages()).isEqualTo(1);
		assertThat(this.cursors.find(ZendeskSync.NAME).orElseThrow().cursor()).isEqualTo("c1");
		assertThat(this.cursors.find(ZendeskSync.NAME).orElseThrow().lastError()).contains("503");
		assertThat(stored()).isEqualTo(3);

		this.zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
			.willReturn(okJson(page(2, "c2", true, null))));
		ZendeskSync.Run resumed = this.sync.run();

		assertThat(resumed.caughtUp()).isTrue();
		assertThat(resumed.pages()).isEqualTo(1);
		assertThat(stored()).isEqualTo(6);
		this.zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("start_time", matching("\\d+")));
	}

}
