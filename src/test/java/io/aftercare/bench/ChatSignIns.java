package io.aftercare.bench;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs bench CSMs in on the form, as a browser would, and keeps what the chat's htmx
 * requests carry: the session cookie and the CSRF token.
 */
final class ChatSignIns {

	record Session(String cookie, String csrf) {
	}

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private ChatSignIns() {
	}

	static Map<String, Session> signIn(URI base, List<String> usernames) throws Exception {
		Map<String, Session> sessions = new LinkedHashMap<>();
		for (String username : usernames) {
			CookieManager cookies = new CookieManager();
			HttpClient http = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			String form = http
				.send(HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ Seeder.PASSWORD + "&_csrf=" + find(CSRF_INPUT, form);
			HttpResponse<String> chat = http.send(HttpRequest.newBuilder(base.resolve("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			HttpCookie session = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((c) -> c.getName().equals("SESSION"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no session for " + username));
			sessions.put(username, new Session("SESSION=" + session.getValue(), find(CSRF_META, chat.body())));
		}
		return sessions;
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("not found: " + pattern);
		}
		return matcher.group(1);
	}

}
