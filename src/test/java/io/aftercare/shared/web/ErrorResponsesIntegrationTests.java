package io.aftercare.shared.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.aftercare.RawHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors answered by the web server, Spring MVC and Spring Security rather than by our
 * controllers are problem details too (or a readable page for a browser in the chat), and
 * an unexpected failure says nothing about our internals.
 */
@AftercareIntegrationTest
// A context of its own (it adds a failing controller) on a database of its own: two
// contexts on one database would run each other's background work.
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-error-responses;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
@Import(ErrorResponsesIntegrationTests.Failing.class)
class ErrorResponsesIntegrationTests {

	private static final String SECRET = "secret-internal-detail-42";

	@LocalServerPort
	int port;

	@Test
	void traceIsAMethodNotAllowedProblem() {
		for (String path : new String[] { "/api/customers", "/chat", "/" }) {
			HttpResponse<String> response = send(
					request(path, "sam").method("TRACE", HttpRequest.BodyPublishers.noBody()));
			assertProblem(response, 405);
		}
	}

	@Test
	void aFormPostOverTheSizeLimitIsAContentTooLargeProblem() {
		String form = "subject=a&body=" + "x".repeat(3 * 1024 * 1024);
		HttpResponse<String> response = send(
				request("/chat/followups/1/edit", null).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertProblem(response, 413);
	}

	@Test
	void anUnexpectedFailureIsAProblemThatLeaksNothing() {
		HttpResponse<String> response = send(request("/api/test-failure", "sam").GET());
		assertProblem(response, 500);
		assertThat(response.body()).doesNotContain(SECRET)
			.doesNotContain("IllegalStateException")
			.doesNotContain("at io.aftercare")
			.doesNotContain("trace");
	}

	@Test
	void aBrowserOnAChatPageGetsAReadablePage() {
		HttpResponse<String> response = send(request("/api/test-failure", "sam").header("Accept", "text/html").GET());
		// The API always answers problem details, even to a browser.
		assertProblem(response, 500);
		HttpResponse<String> page = send(request("/chat", null).header("Accept", "text/html")
			.method("TRACE", HttpRequest.BodyPublishers.noBody()));
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.body()).contains("Aftercare").contains("href=\"/chat\"").doesNotContain("Whitelabel");
	}

	@Test
	void signInAndAccessProblemsAreUtf8() {
		HttpResponse<String> unauthenticated = send(request("/api/customers", null).GET());
		assertProblem(unauthenticated, 401);
		HttpResponse<String> forbidden = send(
				request("/api/admin/users", "sam").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertProblem(forbidden, 403);
	}

	@Test
	void anUndecodableParameterIsABadRequestProblemAndNoErrorInTheLog(CapturedOutput output) {
		for (String query : new String[] { "query=%ED%A0%80", "query=%C0%AF", "query=%FF" }) {
			HttpResponse<String> response = send(request("/api/customers?" + query, "sam").GET());
			assertProblem(response, 400);
			assertThat(response.body()).contains("percent-encoding");
		}
		assertThat(output).doesNotContain("threw exception");
	}

	@Test
	void aRequestTheServerRejectsBeforeTheAppIsAProblem() {
		for (String path : new String[] { "/api/customers/%00", "/api/customers/a%2fb", "/api/customers/..%2f..%2f" }) {
			HttpResponse<String> response = send(request(path, "sam").GET());
			assertProblem(response, 400);
		}
	}

	@Test
	void anAcceptHeaderThatIsNoListOfMediaTypesIsABadRequestProblem() {
		for (String accept : new String[] { "garbage", "text/", "a/b/c", "text/html;q=abc",
				"application/json, garbage" }) {
			for (String path : new String[] { "/api/customers", "/api/customers/abc" }) {
				HttpResponse<String> response = send(request(path, "sam").header("Accept", accept).GET());
				assertProblem(response, 400);
				assertThat(response.body()).contains("The Accept header is not a list of media types");
			}
		}
	}

	@Test
	void theErrorPathAskedForItselfIsNotFound() {
		assertProblem(send(request("/error", null).GET()), 404);
		assertProblem(send(request("/error", "sam").GET()), 404);
	}

	private HttpRequest.Builder request(String path, String user) {
		return new RawHttp(this.port).request(path, user);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return new RawHttp(this.port).send(request);
	}

	/** An endpoint that fails the way a bug would, with internals in its message. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

	}

	@RestController
	static class FailingController {

		@GetMapping("/api/test-failure")
		String fail() {
			throw new IllegalStateException(SECRET);
		}

	}

}
