package io.aftercare.account;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import io.aftercare.shared.SqlTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API tokens over real HTTP: created once with their secret, then scopes, revocation and
 * expiry decide every request.
 */
@AftercareIntegrationTest
class ApiTokensIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CsmDirectory directory;

	@Autowired
	DataSource dataSource;

	@Autowired
	RememberedTokens remembered;

	final JsonMapper json = JsonMapper.builder().build();

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void aTokenIsShownOnceAndStoredOnlyAsItsHash() {
		JsonNode created = create("sam", "{\"name\":\"my script\",\"scope\":\"read\",\"expiresInDays\":30}");
		String token = created.get("token").asString();
		assertThat(token).startsWith("aft_").hasSize(63);
		assertThat(created.get("details").get("scope").asString()).isEqualTo("read");
		assertThat(created.get("details").get("expiresAt").asString()).isNotBlank();

		HttpResponse<String> listed = this.http.get("/api/tokens", "sam");
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("my script").doesNotContain(token.substring(20));
		String stored = this.jdbc.sql("select secret_hash from api_tokens where id = :id")
			.param("id", created.get("details").get("id").asLong())
			.query(String.class)
			.single();
		assertThat(stored).hasSize(64).doesNotContain(token.substring(20));
	}

	@Test
	void aReadTokenReadsButCannotSendOrChangeAnything() {
		String token = create("sam", "{\"name\":\"reader\",\"scope\":\"read\"}").get("token").asString();
		assertThat(bearer("GET", "/api/customers?query=techflow", token, null).statusCode()).isEqualTo(200);
		HttpResponse<String> draft = bearer("POST", "/api/customers/999999/ticket-followup", token, "{}");
		RawHttp.assertProblem(draft, 403);
		assertThat(draft.body()).contains("scope");
		RawHttp.assertProblem(bearer("POST", "/api/followups/1/send", token, ""), 403);
		RawHttp.assertProblem(bearer("POST", "/api/tokens", token, "{\"name\":\"more\",\"scope\":\"write\"}"), 403);
	}

	@Test
	void aWriteTokenMayChangeThingsAsItsUserAndSeesOnlyTheirCustomers() {
		String token = create("sam", "{\"name\":\"writer\",\"scope\":\"write\"}").get("token").asString();
		// Past the scope check, into the application, which knows no such customer (so
		// the shared demo data stays as it is).
		RawHttp.assertProblem(bearer("POST", "/api/customers/999999/ticket-followup", token, "{}"), 404);
		String alexsCustomer = this.jdbc.sql("select min(id) from customers where owner_username = 'alex'")
			.query(String.class)
			.single();
		RawHttp.assertProblem(bearer("GET", "/api/customers/" + alexsCustomer, token, null), 404);
		RawHttp.assertProblem(bearer("POST", "/api/tokens", token, "{\"name\":\"more\",\"scope\":\"read\"}"), 403);
	}

	@Test
	void anIngestTokenFeedsDataInButCannotReadFollowUps() {
		String service = "sync-" + UUID.randomUUID().toString().substring(0, 8);
		this.directory
			.create(new NewCsm(service, "Zendesk sync", null, null, UUID.randomUUID().toString(), CsmRole.CSM));
		HttpResponse<String> issued = this.http.json("POST", "/api/admin/users/" + service + "/tokens", "admin",
				"{\"name\":\"zendesk\",\"scope\":\"ingest\",\"expiresInDays\":365}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String token = this.json.readTree(issued.body()).get("token").asString();

		HttpResponse<String> ingested = bearer("POST", "/api/ingest/customers", token,
				"{\"source\":\"zendesk\",\"externalId\":\"" + service
						+ "\",\"name\":\"Northwind\",\"tier\":\"MID_MARKET\",\"arr\":48000,\"owner\":\"" + service
						+ "\",\"atRisk\":false}");
		assertThat(ingested.statusCode()).as(ingested.body()).isIn(200, 201);
		assertThat(ingested.body()).contains("\"outcome\":\"CREATED\"");
		RawHttp.assertProblem(bearer("GET", "/api/followups/1", token, null), 403);
		RawHttp.assertProblem(bearer("GET", "/api/customers", token, null), 403);
		RawHttp.assertProblem(bearer("POST", "/api/admin/users/" + service + "/tokens", token,
				"{\"name\":\"x\",\"scope\":\"admin\"}"), 403);
	}

	@Test
	void onlyAnAdminIssuesIngestAndAdminTokens() {
		RawHttp.assertProblem(this.http.json("POST", "/api/tokens", "sam", "{\"name\":\"x\",\"scope\":\"ingest\"}"),
				409);
		RawHttp.assertProblem(
				this.http.json("POST", "/api/admin/users/sam/tokens", "admin", "{\"name\":\"x\",\"scope\":\"admin\"}"),
				409);
		RawHttp.assertProblem(
				this.http.json("POST", "/api/admin/users/alex/tokens", "sam", "{\"name\":\"x\",\"scope\":\"read\"}"),
				403);
		RawHttp.assertProblem(this.http.json("POST", "/api/tokens", "sam", "{\"name\":\"x\",\"scope\":\"everything\"}"),
				400);
	}

	@Test
	void aRevokedTokenIsRefusedAtOnce() {
		JsonNode created = create("sam", "{\"name\":\"short-lived\",\"scope\":\"read\"}");
		String token = created.get("token").asString();
		assertThat(bearer("GET", "/api/reminders", token, null).statusCode()).isEqualTo(200);
		HttpResponse<String> revoked = this.http
			.send(this.http.request("/api/tokens/" + created.get("details").get("id").asLong(), "sam").DELETE());
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.body()).contains("\"active\":false");

		HttpResponse<String> refused = bearer("GET", "/api/reminders", token, null);
		RawHttp.assertProblem(refused, 401);
		assertThat(refused.body()).contains("revoked");
		assertThat(refused.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
	}

	@Test
	void anExpiredTokenIsRefused() {
		JsonNode created = create("sam", "{\"name\":\"old\",\"scope\":\"read\",\"expiresInDays\":1}");
		String token = created.get("token").asString();
		assertThat(bearer("GET", "/api/reminders", token, null).statusCode()).isEqualTo(200);
		this.jdbc.sql("update api_tokens set expires_at = :past where id = :id")
			.param("past", SqlTime.utc(Instant.now().minusSeconds(1)))
			.param("id", created.get("details").get("id").asLong())
			.update();
		// Changed in SQL behind the app's back: on PostgreSQL the instance hears of it a
		// moment later.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> bearer("GET", "/api/reminders", token, null).statusCode() == 401);
		HttpResponse<String> refused = bearer("GET", "/api/reminders", token, null);
		RawHttp.assertProblem(refused, 401);
		assertThat(refused.body()).contains("expired");
	}

	@Test
	void aTokenWhoseUserIsDisabledIsRefused() {
		String username = "dana-" + UUID.randomUUID().toString().substring(0, 8);
		this.directory.create(new NewCsm(username, "Dana Fox", null, null, UUID.randomUUID().toString(), CsmRole.CSM));
		HttpResponse<String> created = this.http.json("POST", "/api/admin/users/" + username + "/tokens", "admin",
				"{\"name\":\"dana's script\",\"scope\":\"read\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String token = this.json.readTree(created.body()).get("token").asString();
		assertThat(bearer("GET", "/api/reminders", token, null).statusCode()).isEqualTo(200);

		this.jdbc.sql("update csm_users set enabled = false where username = :username")
			.param("username", username)
			.update();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> bearer("GET", "/api/reminders", token, null).statusCode() == 401);
	}

	@Test
	@EnabledIfSystemProperty(named = "aftercare.test.database", matches = "postgres")
	void aCheckedTokenIsRememberedUntilTheDatabaseSaysSomethingChanged() throws SQLException {
		JsonNode created = checkedWhileHeard("remembered");
		String token = created.get("token").asString();

		revokeUnheard(created.get("details").get("id").asLong());
		assertThat(readReminders(token)).as("remembered, not read again").isEqualTo(200);

		this.jdbc.sql("select pg_notify('aftercare_credentials', 'test')").query(String.class).single();
		await().atMost(Duration.ofSeconds(5)).until(() -> readReminders(token) == 401);
	}

	@Test
	@EnabledIfSystemProperty(named = "aftercare.test.database", matches = "postgres")
	void aChangeMadeWhileTheNoticesWereLostIsNotMissed() throws SQLException {
		JsonNode created = checkedWhileHeard("lost notice");
		String token = created.get("token").asString();

		assertThat(
				this.jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name")
					.param("name", CredentialNotices.APPLICATION_NAME)
					.query(Boolean.class)
					.list())
			.containsExactly(true);
		revokeUnheard(created.get("details").get("id").asLong());
		await().atMost(Duration.ofSeconds(5)).until(() -> readReminders(token) == 401);

		JsonNode another = checkedWhileHeard("after the gap");
		revokeUnheard(another.get("details").get("id").asLong());
		assertThat(readReminders(another.get("token").asString()))
			.as("remembered again once the notices are heard again")
			.isEqualTo(200);
	}

	/** A new read token of sam's, checked once while this instance hears the notices. */
	private JsonNode checkedWhileHeard(String name) {
		JsonNode created = create("sam", "{\"name\":\"" + name + "\",\"scope\":\"read\"}");
		await().atMost(Duration.ofSeconds(10)).until(this.remembered::hearing);
		assertThat(readReminders(created.get("token").asString())).isEqualTo(200);
		return created;
	}

	private int readReminders(String token) {
		return bearer("GET", "/api/reminders", token, null).statusCode();
	}

	/** Revokes a token with its notice switched off, as a notice lost on the way. */
	private void revokeUnheard(long id) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("alter table api_tokens disable trigger api_tokens_changed");
				statement.execute("update api_tokens set revoked_at = current_timestamp where id = " + id);
				statement.execute("alter table api_tokens enable trigger api_tokens_changed");
			}
			connection.commit();
		}
	}

	@Test
	void aTokenWithTheRightKeyButAWrongSecretIsRefused() {
		String token = create("sam", "{\"name\":\"guessed\",\"scope\":\"read\"}").get("token").asString();
		char last = token.charAt(token.length() - 1);
		String tampered = token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');
		HttpResponse<String> refused = bearer("GET", "/api/reminders", tampered, null);
		RawHttp.assertProblem(refused, 401);
		assertThat(refused.body()).contains("not valid");
		RawHttp.assertProblem(bearer("GET", "/api/reminders", "aft_short", null), 401);
		RawHttp.assertProblem(bearer("GET", "/api/reminders", "", null), 401);
	}

	@Test
	void anUnauthenticatedRequestIsToldBothWaysToSignIn() {
		HttpResponse<String> refused = this.http.get("/api/reminders", null);
		RawHttp.assertProblem(refused, 401);
		assertThat(refused.headers().allValues("WWW-Authenticate"))
			.anySatisfy((v) -> assertThat(v).startsWith("Bearer"))
			.anySatisfy((v) -> assertThat(v).startsWith("Basic"));
	}

	private JsonNode create(String user, String body) {
		HttpResponse<String> created = this.http.json("POST", "/api/tokens", user, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.json.readTree(created.body());
	}

	private HttpResponse<String> bearer(String method, String path, String token, String body) {
		HttpRequest.Builder request = this.http.request(path, null).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request);
	}

}
