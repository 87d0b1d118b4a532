package io.aftercare.shared.web;

import java.net.http.HttpResponse;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.aftercare.RawHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that a database cannot store the same way everywhere (PostgreSQL refuses NUL, a
 * lone UTF-16 surrogate is silently replaced) and times outside the range Aftercare
 * supports are refused with 400 in every JSON body and every parameter, on every
 * database, naming the field. Runs on its own database, since it prepares a follow-up on
 * the ticket other tests expect to find without one.
 */
@AftercareIntegrationTest
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-unstorable;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class UnstorableInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private RawHttp http;

	private long techflow;

	private long followUp;

	@BeforeEach
	void prepareAFollowUp() {
		this.http = new RawHttp(this.port);
		this.techflow = this.jdbc.sql("select id from customers where name = 'TechFlow'").query(Long.class).single();
		HttpResponse<String> created = this.http.json("POST", "/api/customers/" + this.techflow + "/ticket-followup",
				"sam", "{\"ticketNumber\":\"TF-2024-0847\"}");
		assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
		this.followUp = Long.parseLong(created.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
	}

	@Test
	void refusesNulInAnEditedDraft() {
		HttpResponse<String> response = this.http.json("PATCH", "/api/followups/" + this.followUp, "sam",
				"{\"subject\":\"Checking in\",\"body\":\"Hi David,\\u0000 all good?\"}");
		assertProblem(response, 400);
		assertThat(response.body()).contains("body").contains("NUL");
	}

	@Test
	void refusesALoneSurrogateInAnEditedDraft() {
		HttpResponse<String> response = this.http.json("PATCH", "/api/followups/" + this.followUp, "sam",
				"{\"subject\":\"Checking in \\ud800\",\"body\":\"Hi David\"}");
		assertProblem(response, 400);
		assertThat(response.body()).contains("subject").contains("surrogate");
	}

	@Test
	void refusesNulInAReminderNote() {
		HttpResponse<String> response = this.http.json("POST", "/api/followups/" + this.followUp + "/reminders", "sam",
				"{\"inDays\":3,\"note\":\"Call\\u0000David\"}");
		assertProblem(response, 400);
		assertThat(response.body()).contains("note").contains("NUL");
	}

	@Test
	void refusesAReminderDueOutsideTheSupportedRange() {
		for (String dueAt : new String[] { "\"+999999999-12-31T23:59:59Z\"", "\"10000-01-01T00:00:00Z\"",
				"\"1899-12-31T23:59:59Z\"", "99999999999999" }) {
			HttpResponse<String> response = this.http.json("POST", "/api/followups/" + this.followUp + "/reminders",
					"sam", "{\"dueAt\":" + dueAt + ",\"note\":\"Call David\"}");
			assertProblem(response, 400);
			assertThat(response.body()).as(dueAt).contains("dueAt");
		}
	}

	@Test
	void refusesNulAndBrokenCharactersInACustomerSearch() {
		for (String query : new String[] { "Tech%00Flow", "Tech%ED%A0%80Flow" }) {
			assertProblem(this.http.get("/api/customers?query=" + query, "sam"), 400);
		}
	}

	@Test
	void refusesAWindowStartOutsideTheSupportedRange() {
		for (String since : new String[] { "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z" }) {
			HttpResponse<String> response = this.http
				.get("/api/customers/" + this.techflow + "/recent-tickets?since=" + since, "sam");
			assertProblem(response, 400);
			assertThat(response.body()).contains("since");
		}
	}

	@Test
	void refusesNulInATicketNumber() {
		HttpResponse<String> response = this.http.json("POST", "/api/customers/" + this.techflow + "/ticket-followup",
				"sam", "{\"ticketNumber\":\"TF-2024\\u0000-0847\"}");
		assertProblem(response, 400);
		assertThat(response.body()).contains("ticketNumber");
	}

}
