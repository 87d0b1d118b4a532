package io.aftercare.account;

import java.net.http.HttpResponse;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie: {@code SameSite=Lax} always; {@code Secure} and HSTS when the
 * request came over HTTPS, as a proxy in front says with {@code X-Forwarded-Proto}. The
 * session itself lives in the database.
 */
@AftercareIntegrationTest
class WebSessionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void overPlainHttpTheCookieIsLaxAndHttpOnlyButNotSecure() {
		HttpResponse<String> page = new RawHttp(this.port).get("/login", null);
		String cookie = sessionCookie(page);
		assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() {
		RawHttp http = new RawHttp(this.port);
		HttpResponse<String> page = http.send(http.request("/login", null)
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "198.51.100.7"));
		assertThat(sessionCookie(page)).contains("Secure").contains("SameSite=Lax");
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
	}

	@Test
	void sessionsAreKeptInTheDatabase() throws Exception {
		io.aftercare.chat.ChatSession.signIn(this.port, "alex", "demo");
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'alex'")
			.query(Long.class)
			.single()).isPositive();
	}

	private static String sessionCookie(HttpResponse<String> page) {
		return page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + page.headers().map()));
	}

}
