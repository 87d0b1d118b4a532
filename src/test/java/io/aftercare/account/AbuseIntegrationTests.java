package io.aftercare.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failed sign-ins are throttled per account and per client address, on HTTP Basic and the
 * form alike, and recover; the API is rate-limited per token. Client addresses come from
 * {@code X-Forwarded-For}, as behind a proxy (the test's loopback is a trusted one). Low
 * limits, and a database of its own, so no other test is slowed.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:abuse;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.account.sign-in.free-failures=3", "aftercare.account.sign-in.max-delay=2s",
		"aftercare.account.sign-in.address-failures=6", "aftercare.account.sign-in.address-period=1h",
		"aftercare.account.rate-limit.requests=5", "aftercare.account.rate-limit.period=1h" })
class AbuseIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CsmDirectory directory;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void repeatedFailuresForOneAccountAreSlowedDownThenItRecovers() {
		String user = user("victim");
		for (int i = 0; i < 3; i++) {
			assertThat(basic(user, "wrong", "203.0.113.10").statusCode()).isEqualTo(401);
		}
		// Even the right password waits now: the throttle answers before any password is
		// checked.
		HttpResponse<String> throttled = basic(user, "right password", "203.0.113.11");
		RawHttp.assertProblem(throttled, 429);
		assertThat(throttled.body()).contains("Too many failed sign-ins").contains("Try again in");
		assertThat(throttled.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> basic(user, "right password", "203.0.113.11").statusCode() == 200);
		// A success starts the count again.
		assertThat(basic(user, "wrong", "203.0.113.11").statusCode()).isEqualTo(401);
		assertThat(basic(user, "right password", "203.0.113.11").statusCode()).isEqualTo(200);
	}

	@Test
	void anAttackerCannotLockTheUserOutOfTheAddressTheyUse() {
		String user = user("target");
		assertThat(basic(user, "right password", "198.51.100.5").statusCode()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			basic(user, "wrong", "203.0.113.20");
		}
		RawHttp.assertProblem(basic(user, "right password", "203.0.113.20"), 429);
		assertThat(basic(user, "right password", "198.51.100.5").statusCode()).isEqualTo(200);
	}

	@Test
	void oneAddressTryingManyAccountsIsThrottled() {
		for (int i = 0; i < 6; i++) {
			assertThat(basic("nobody-" + i, "guess", "203.0.113.30").statusCode()).isEqualTo(401);
		}
		HttpResponse<String> throttled = basic("sam", "demo", "203.0.113.30");
		RawHttp.assertProblem(throttled, 429);
		assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
		// Another address is not held back.
		assertThat(basic("sam", "demo", "203.0.113.31").statusCode()).isEqualTo(200);
	}

	@Test
	void theSignInFormSaysWhenToTryAgain() throws Exception {
		String user = user("formuser");
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String location = null;
		for (int i = 0; i < 4; i++) {
			location = signIn(browser, user, "wrong");
		}
		assertThat(location).contains("/login?throttled=");
		HttpResponse<String> page = browser.send(get(location), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("Too many failed sign-ins for this account or from this address")
			.containsPattern("Please wait [12] seconds? before trying again");
		assertThat(signIn(browser, "nobody", "wrong")).endsWith("/login?error");
	}

	@Test
	void theApiIsRateLimitedPerTokenWithRetryAfter() {
		String user = user("busy");
		String first = token(user);
		String second = token(user);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> ok = bearer(first);
			assertThat(ok.statusCode()).isEqualTo(200);
			assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
		}
		HttpResponse<String> limited = bearer(first);
		RawHttp.assertProblem(limited, 429);
		assertThat(limited.body()).contains("This token may make 5 requests per hour");
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3600));
		assertThat(bearer(second).statusCode()).isEqualTo(200);
	}

	private String user(String prefix) {
		String username = prefix + "-" + System.nanoTime();
		this.directory.create(new NewCsm(username, prefix, null, null, "right password", CsmRole.CSM));
		return username;
	}

	private String token(String user) {
		HttpResponse<String> created = this.http.send(this.http.request("/api/tokens", null)
			.header("Authorization", basicHeader(user, "right password"))
			.header("X-Forwarded-For", "198.51.100.99")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\",\"scope\":\"read\"}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(created.body()).get("token").asString();
	}

	private HttpResponse<String> bearer(String token) {
		return this.http.send(this.http.request("/api/reminders", null).header("Authorization", "Bearer " + token));
	}

	private HttpResponse<String> basic(String user, String password, String address) {
		return this.http.send(this.http.request("/api/reminders", null)
			.header("Authorization", basicHeader(user, password))
			.header("X-Forwarded-For", address));
	}

	private static String basicHeader(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private HttpRequest get(String location) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port).resolve(location))
			.header("X-Forwarded-For", "203.0.113.40")
			.build();
	}

	/** Signs in on the form as a browser would, and answers where it is sent. */
	private String signIn(HttpClient browser, String user, String password) throws Exception {
		HttpResponse<String> form = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as(form.body()).isTrue();
		String body = "username=" + user + "&password=" + password.replace(" ", "+") + "&_csrf=" + csrf.group(1);
		HttpResponse<String> answer = browser
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", "203.0.113.40")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(302);
		return answer.headers().firstValue("Location").orElseThrow();
	}

}
