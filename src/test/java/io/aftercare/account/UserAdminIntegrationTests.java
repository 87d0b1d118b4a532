package io.aftercare.account;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.aftercare.RawHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSM's name and address go into the From header of every follow-up they own, so they
 * are checked when the account is created, not when the first email fails.
 */
@AftercareIntegrationTest
class UserAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CsmDirectory csms;

	@Test
	void refusesANameOrAddressNoEmailHeaderCouldCarry() {
		RawHttp http = new RawHttp(this.port);
		for (String[] bad : new String[][] { { "Mallory\\r\\nBcc: all@example.com", "mallory@example.com" },
				{ "Mallory", "mal\\u2028lory@example.com" }, { "Mallory", "mallory@example.com\\r\\nBcc: x@y.example" },
				{ "Mallory", "Mallory <mallory@example.com>" } }) {
			String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
			HttpResponse<String> response = http.json("POST", "/api/admin/users", "admin",
					user(username, bad[0], bad[1]));
			assertProblem(response, 400);
			assertThat(response.body()).as(bad[0] + " " + bad[1]).containsAnyOf("displayName", "email");
			assertThat(this.csms.exists(username)).isFalse();
		}
	}

	@Test
	void removesInvisibleFormatCharactersFromAName() {
		String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = new RawHttp(this.port).json("POST", "/api/admin/users", "admin",
				user(username, "\\u202Eyrallih\\u202C Hill\\u200B", "hill@example.com"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(this.csms.find(username).orElseThrow().displayName()).isEqualTo("yrallih Hill");
	}

	private static String user(String username, String displayName, String email) {
		return """
				{"username":"%s","displayName":"%s","email":"%s","password":"a long password","role":"CSM"}"""
			.formatted(username, displayName, email);
	}

}
